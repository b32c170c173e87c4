import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { ConfigError, loadConfig } from '../../src/config/config.js';

describe('configuration', () => {
  it('has working defaults for a fresh clone', () => {
    const config = loadConfig({});
    assert.equal(config.PORT, 3000);
    assert.equal(config.DATA_DIR, './data');
    assert.equal(config.SESSION_IDLE_MINUTES, 30);
    assert.deepEqual(config.TRUST_PROXY, { kind: 'none' });
    assert.equal(config.MONGODB_URL, undefined);
  });

  it('names each bad variable and what is allowed', () => {
    assert.throws(() => loadConfig({ PORT: 'eighty', SESSION_IDLE_MINUTES: '0', TRUST_PROXY: 'maybe', MONGODB_URL: 'postgres://x' }), (err: unknown) => {
      assert.ok(err instanceof ConfigError);
      assert.match(err.message, /PORT="eighty": must be a port number/);
      assert.match(err.message, /SESSION_IDLE_MINUTES="0"/);
      assert.match(err.message, /TRUST_PROXY="maybe": must be false, a number of proxy hops, or a comma-separated list/);
      assert.match(err.message, /MONGODB_URL="postgres:\/\/x": must start with mongodb:\/\//);
      return true;
    });
  });

  it('never repeats a password or secret from a bad value', () => {
    assert.throws(() => loadConfig({ SMTP_URL: 'smtx://mail:hunter22@mail.example', MONGODB_URL: 'mongo://shelf:s3cret@db1/x' }), (err: unknown) => {
      assert.ok(err instanceof ConfigError);
      assert.doesNotMatch(err.message, /hunter22|s3cret/);
      assert.match(err.message, /SMTP_URL="smtx:\/\/mail:\*\*\*@mail.example"/);
      assert.match(err.message, /MONGODB_URL="mongo:\/\/shelf:\*\*\*@db1\/x"/);
      return true;
    });
  });

  it('takes PUBLIC_URL as an http(s) address without query or fragment, and drops a trailing slash', () => {
    assert.equal(loadConfig({ PUBLIC_URL: 'https://catalogue.example.org/' }).PUBLIC_URL, 'https://catalogue.example.org');
    assert.equal(loadConfig({ PUBLIC_URL: 'https://library.example/catalogue/' }).PUBLIC_URL, 'https://library.example/catalogue');
    for (const bad of ['catalogue.example.org', 'ftp://catalogue.example.org', 'https://u:p@catalogue.example.org', 'https://catalogue.example.org/?x=1', 'https://catalogue.example.org/#top']) {
      assert.throws(() => loadConfig({ PUBLIC_URL: bad }), /PUBLIC_URL=.*must be the http:\/\/ or https:\/\/ address/, bad);
    }
  });

  it('requires PUBLIC_URL when mail is configured, since mail links are built from it', () => {
    assert.throws(() => loadConfig({ SMTP_URL: 'smtp://mail.example' }), /PUBLIC_URL is not set/);
    assert.equal(loadConfig({ SMTP_URL: 'smtp://mail.example', PUBLIC_URL: 'https://catalogue.example.org' }).PUBLIC_URL, 'https://catalogue.example.org');
  });

  it('stops the server at boot with that message', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
      env: { ...process.env, PORT: '99999', LOG_LEVEL: 'silent' },
      encoding: 'utf8',
      timeout: 30_000,
    });
    assert.notEqual(run.status, 0);
    assert.match(run.stderr, /PORT="99999"/);
  });
});
