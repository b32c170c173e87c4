import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { aggregate, Query } from 'mingo';
import { sendLimitCountUpdate, sendLimitRoomFilter, type SendLimitDocument } from '../../../src/storage/mongo/send-limit-store.js';

const NOW = 1_700_000_000_000;
const MINUTE = 60_000;
const LIMIT = { key: 'mail-to:ada', max: 2, windowMs: 10 * MINUTE };

const matches = (doc: SendLimitDocument, now: number) => new Query(sendLimitRoomFilter(LIMIT, now)).test(doc as never);
/** Applies the adapter's pipeline update through mingo, as the server would (to `{ _id }` on upsert). */
function count(doc: SendLimitDocument | undefined, now: number): SendLimitDocument {
  const [after] = aggregate([doc ?? { _id: LIMIT.key }], sendLimitCountUpdate(LIMIT, now)) as unknown as SendLimitDocument[];
  return after!;
}

describe('the MongoDB send-limit update, checked without a server', () => {
  it('starts a window on a new counter and counts on within it', () => {
    const first = count(undefined, NOW);
    assert.deepEqual(first, { _id: LIMIT.key, used: 1, windowEnds: new Date(NOW + 10 * MINUTE) });
    assert.equal(count(first, NOW + MINUTE).used, 2);
  });

  it('matches a counter with room, not a spent one, and a spent one again once its window has ended', () => {
    const once = count(undefined, NOW);
    assert.equal(matches(once, NOW), true);
    const spent = count(once, NOW);
    assert.equal(matches(spent, NOW + MINUTE), false);
    assert.equal(matches(spent, NOW + 10 * MINUTE), true);
    assert.deepEqual(count(spent, NOW + 10 * MINUTE), { _id: LIMIT.key, used: 1, windowEnds: new Date(NOW + 20 * MINUTE) });
  });
});
