import { before, describe, it, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { ConfigSchema } from '../../src/config/config.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** A temp folder removed after the test. */
function tempDir(t: TestContext, prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** The environment of a production start: none of Shelfmark's variables from the test run, no loader flags. */
function productionEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  const inherited = Object.entries(process.env).filter(([key]) => !(key in ConfigSchema.shape) && key !== 'NODE_OPTIONS');
  return { ...Object.fromEntries(inherited), ...env };
}

describe('the built server (npm run build, then plain node)', () => {
  before(() => {
    const build = spawnSync('npm', ['run', 'build'], { cwd: ROOT, encoding: 'utf8', timeout: 300_000 });
    assert.equal(build.status, 0, `npm run build failed:\n${build.stdout}\n${build.stderr}`);
  });

  it('serves the catalogue, its pages and its assets, then stops on SIGTERM', async (t) => {
    // Started from a folder of its own, as a service would be: templates, assets and the demo catalogue
    // must be found from dist/, and a missing .env is no error.
    const cwd = tempDir(t, 'shelfmark-built-');
    const server = spawn(process.execPath, [path.join(ROOT, 'dist/server.js')], {
      cwd, env: productionEnv({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: path.join(cwd, 'data') }), stdio: ['ignore', 'pipe', 'pipe'],
    });
    t.after(() => server.kill('SIGKILL'));
    let stderr = '';
    server.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
    const exited = once(server, 'exit');

    let port: number | undefined;
    for await (const line of createInterface({ input: server.stdout })) {
      const entry = JSON.parse(line) as { msg?: string; port?: number };
      if (entry.msg?.startsWith('Shelfmark is serving')) {
        port = entry.port;
        break;
      }
    }
    assert.ok(port, `the server never said it was serving:\n${stderr}`);
    const base = `http://127.0.0.1:${port}`;

    const home = await fetch(`${base}/`);
    assert.equal(home.status, 200);
    assert.match(home.headers.get('content-type') ?? '', /^text\/html/);
    assert.match(await home.text(), /Shelfmark/);
    const search = await fetch(`${base}/search?q=eyre`);
    assert.match(await search.text(), /Jane Eyre/, 'the demo catalogue was loaded from seed/');
    const css = await fetch(`${base}/css/shelfmark.css`);
    assert.equal(css.status, 200, 'assets are served from public/');

    server.kill('SIGTERM');
    const [code] = await exited;
    assert.equal(code, 0, stderr);
  });

  it('runs the seed command with plain node', (t) => {
    const dataDir = tempDir(t, 'shelfmark-built-seed-');
    const seed = spawnSync(process.execPath, [path.join(ROOT, 'dist/import/cli.js'), path.join(ROOT, 'test/import/fixtures/valid-utf8.mrc'), '--data-dir', dataDir], {
      cwd: dataDir, env: productionEnv({}), encoding: 'utf8', timeout: 60_000,
    });
    assert.equal(seed.status, 0, seed.stderr);
    assert.match(seed.stdout, /added\s+3/);
  });
});
