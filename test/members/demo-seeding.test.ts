import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { build } from '../helpers/build.js';
import { DEMO_MEMBERS, seedDemoMembers } from '../../src/members/demo-members.js';

describe('seeding the demo accounts', () => {
  it('adds each account once when two instances seed the same empty store at the same moment', async (t) => {
    const built = await build(t);
    const [first, second] = await Promise.all([seedDemoMembers(built.store, built.clock.now), seedDemoMembers(built.store, built.clock.now)]);
    assert.equal(first + second, DEMO_MEMBERS.length);
    assert.equal(await built.store.members.count(), DEMO_MEMBERS.length);
    assert.equal((await built.store.loans.listForMember('demo-1')).length, 2);
  });
});
