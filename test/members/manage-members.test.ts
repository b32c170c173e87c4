import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from '../helpers/build.js';
import { loginAs } from '../helpers/members.js';
import { runMemberCli, UsageError } from '../../src/members/member-command.js';
import { DEMO_MEMBERS, seedDemoMembers } from '../../src/members/demo-members.js';
import { hashPin, verifyPin } from '../../src/members/pin-hash.js';
import { DuplicateCard } from '../../src/storage/member-stores.js';

function tempDataDir(t: { after(fn: () => void): void }): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shelfmark-members-'));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

describe('PIN hashes', () => {
  it('are salted scrypt hashes that match only their own PIN', async () => {
    const [a, b] = [await hashPin('1234'), await hashPin('1234')];
    assert.match(a, /^scrypt\$16384\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    assert.notEqual(a, b, 'a random salt per hash');
    assert.equal(await verifyPin('1234', a), true);
    assert.equal(await verifyPin('1235', a), false);
    assert.equal(await verifyPin('1234', 'not-a-hash'), false);
  });
});

describe('the demo accounts', () => {
  it('are seeded once, with the PINs the README lists, and log in', async (t) => {
    const built = await build(t);
    assert.equal(await seedDemoMembers(built.store, built.clock.now), DEMO_MEMBERS.length);
    assert.equal(await seedDemoMembers(built.store, built.clock.now), 0, 'never twice, never over existing members');
    assert.equal((await built.store.members.getByCard('1000000009'))?.role, 'librarian');
    for (const demo of DEMO_MEMBERS) await loginAs(built.browser(), demo.card, demo.pin);
    const page = built.browser();
    await loginAs(page, '1000000001', '1234');
    assert.match((await page.get('/account')).text, /Logged in as Ada[\s\S]*<dd>Central Library<\/dd>/);
  });
});

describe('npm run member', () => {
  it('adds a member who can then log in', async (t) => {
    const dataDir = tempDataDir(t);
    const message = await runMemberCli(['add', '--card', '2000 0000 01', '--pin', '4321', '--name', 'Mary Shelley', '--email', 'mary@example.org', '--branch', 'Riverside'], { DATA_DIR: dataDir });
    assert.equal(message, 'Added member Mary Shelley with card 2000000001.');
    const built = await build(t, { dataDir });
    await loginAs(built.browser(), '2000000001', '4321');
    assert.equal((await built.store.members.getByCard('2000000001'))?.homeBranch, 'Riverside');
  });

  it('adds a librarian with --role librarian', async (t) => {
    const dataDir = tempDataDir(t);
    await runMemberCli(['add', '--card', '2000000009', '--pin', '4321', '--name', 'Lydia', '--email', 'l@example.org', '--branch', 'Central', '--role', 'librarian'], { DATA_DIR: dataDir });
    const built = await build(t, { dataDir });
    assert.equal((await built.store.members.getByCard('2000000009'))?.role, 'librarian');
  });

  it('resets a PIN, after which only the new one works', async (t) => {
    const dataDir = tempDataDir(t);
    const env = { DATA_DIR: dataDir };
    await runMemberCli(['add', '--card', '2000000001', '--pin', '4321', '--name', 'Mary Shelley', '--email', 'm@example.org', '--branch', 'Riverside'], env);
    assert.equal(await runMemberCli(['reset-pin', '--card', '2000000001', '--pin', '8765'], env), 'Changed the PIN of card 2000000001.');
    const built = await build(t, { dataDir });
    const member = await built.store.members.getByCard('2000000001');
    assert.equal(await verifyPin('8765', member!.pinHash), true);
    assert.equal(await verifyPin('4321', member!.pinHash), false);
  });

  it('refuses a card that is taken, a bad PIN, a missing field and an unknown card, saying which', async (t) => {
    const env = { DATA_DIR: tempDataDir(t) };
    const add = ['add', '--card', '2000000001', '--pin', '4321', '--name', 'M', '--email', 'm@example.org', '--branch', 'Riverside'];
    await runMemberCli(add, env);
    await assert.rejects(runMemberCli(add, env), DuplicateCard);
    await assert.rejects(runMemberCli(['add', '--card', '2000000002', '--pin', '12', '--name', 'M', '--email', 'e', '--branch', 'b'], env), { message: '--pin must be 4 to 8 digits' });
    await assert.rejects(runMemberCli(['add', '--card', '2000000002', '--pin', '1234', '--name', 'M', '--branch', 'b'], env), { message: '--email is required' });
    await assert.rejects(runMemberCli(['reset-pin', '--card', '2999999999', '--pin', '1234'], env), UsageError);
    await assert.rejects(runMemberCli(['remove'], env), { message: 'unknown command "remove"' });
  });
});
