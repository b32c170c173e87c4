// ESLint for Shelfmark: typescript-eslint's type-aware recommended rules on every TypeScript file
// the type check covers, with the exceptions below, each with its reason. `npm run lint` runs this,
// then the type check (tsc --noEmit).
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'data/', 'coverage/', 'bench/results/', 'bench/data/', 'public/'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // koa types ctx.state and ctx.session as `any` (koa-session 7 adds no types to ctx), so these fire at
      // every read of visit data; turn them on once ctx.state and the session are typed.
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      // Imported and typed text is cleaned of control characters on purpose, by regular expressions.
      'no-control-regex': 'off',
      // A leading underscore marks a value left unused on purpose (a skipped tuple slot, a dropped field).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
    },
  },
  {
    // The embedded store implements the async Store interface over synchronous better-sqlite3:
    // `async` without `await` is what turns a thrown SQLite error into a rejected promise.
    files: ['src/storage/embedded/**/*.ts'],
    rules: { '@typescript-eslint/require-await': 'off' },
  },
  {
    files: ['test/**/*.ts'],
    rules: {
      // A stub of an async interface, or a koa middleware, is async with nothing to await.
      '@typescript-eslint/require-await': 'off',
      // node:test's describe/it/test return promises the runner itself awaits.
      '@typescript-eslint/no-floating-promises': ['error', {
        allowForKnownSafeCalls: [{ from: 'package', package: 'node:test', name: ['describe', 'it', 'test', 'suite'] }],
      }],
    },
  },
  {
    // A mongosh script (compose.yaml runs it in the MongoDB container): mongosh's globals, not Node's.
    files: ['deploy/mongo-init.js'],
    languageOptions: { globals: { db: 'readonly', rs: 'readonly', print: 'readonly', sleep: 'readonly' } },
  },
  {
    // Plain JavaScript (bin/, this file, the bench's server wrapper) is outside the TypeScript project, and runs on Node.
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { ...tseslint.configs.disableTypeChecked.languageOptions, globals: globals.node },
  },
);
