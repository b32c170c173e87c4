import { describe, it, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigSchema } from '../../src/config/config.js';
import { openEmbeddedStore } from '../../src/storage/embedded/index.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
// An absolute loader, because the commands run in a folder of their own that has no node_modules.
const TSX = import.meta.resolve('tsx');

/** A fresh folder to start a command in, holding the given `.env`. */
function folderWithEnvFile(t: TestContext, lines: string[]): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shelfmark-env-'));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  fs.writeFileSync(path.join(dir, '.env'), `# written by the test\n${lines.join('\n')}\n`);
  return dir;
}

/** Runs one of Shelfmark's entry points from `cwd`, with none of Shelfmark's variables inherited from the test run. */
function run(cwd: string, entry: string, args: string[], env: Record<string, string> = {}) {
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([key]) => !(key in ConfigSchema.shape)));
  return spawnSync(process.execPath, ['--import', TSX, path.join(ROOT, entry), ...args], {
    cwd, env: { ...inherited, ...env }, encoding: 'utf8', timeout: 60_000,
  });
}

async function countIn(dataDir: string, count: (store: Awaited<ReturnType<typeof openEmbeddedStore>>) => Promise<number>): Promise<number> {
  const store = await openEmbeddedStore({ dataDir });
  try {
    return await count(store);
  } finally {
    await store.close();
  }
}

describe('a .env file in the folder Shelfmark starts in', () => {
  it('configures the server, and a variable already set in the environment wins over it', (t) => {
    const cwd = folderWithEnvFile(t, ['PORT=99999', 'BASKET_LIMIT=lots']);
    const server = run(cwd, 'src/server.ts', [], { BASKET_LIMIT: '7', LOG_LEVEL: 'silent' });
    assert.equal(server.status, 78, server.stderr);
    assert.match(server.stderr, /PORT="99999"/, 'PORT came from .env');
    assert.doesNotMatch(server.stderr, /BASKET_LIMIT/, 'the BASKET_LIMIT set in the environment was used, not the one in .env');
  });

  it('tells npm run seed which store to load into', async (t) => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shelfmark-env-data-'));
    t.after(() => fs.rmSync(dataDir, { recursive: true, force: true }));
    const cwd = folderWithEnvFile(t, [`DATA_DIR=${dataDir}`]);
    const seed = run(cwd, 'src/import/cli.ts', [path.join(ROOT, 'test/import/fixtures/valid-utf8.mrc')]);
    assert.equal(seed.status, 0, seed.stderr);
    assert.equal(await countIn(dataDir, (store) => store.records.count()), 3);
  });

  it('tells npm run member which store to add the member to', async (t) => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shelfmark-env-data-'));
    t.after(() => fs.rmSync(dataDir, { recursive: true, force: true }));
    const cwd = folderWithEnvFile(t, [`DATA_DIR="${dataDir}"`]);
    const member = run(cwd, 'src/members/cli.ts', ['add', '--card', '5550001', '--pin', '1234', '--name', 'Grace Hopper', '--email', 'grace@example.org', '--branch', 'Central']);
    assert.equal(member.status, 0, member.stderr);
    assert.match(member.stdout, /Added member Grace Hopper/);
    assert.equal(await countIn(dataDir, async (store) => ((await store.members.getByCard('5550001')) ? 1 : 0)), 1);
  });
});
