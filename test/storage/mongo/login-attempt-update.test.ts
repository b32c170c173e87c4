import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { aggregate } from 'mingo';
import { failureUpdate, stateAt, type AttemptDocument } from '../../../src/storage/mongo/login-attempt-store.js';

const NOW = 1_700_000_000_000;
const MINUTE = 60_000;
const POLICY = { maxFailures: 3, windowMs: 15 * MINUTE };

/** Applies the adapter's pipeline update through mingo, as the server would to the document (or to `{ _id }` on upsert). */
function fail(doc: AttemptDocument | undefined, now: number): AttemptDocument {
  const [after] = aggregate([doc ?? { _id: 'card:1' }], failureUpdate(now, POLICY)) as unknown as AttemptDocument[];
  return after!;
}

describe('the MongoDB failed-login update, checked without a server', () => {
  it('starts a window on a new document, counts on, and locks on the last allowed failure', () => {
    const first = fail(undefined, NOW);
    assert.deepEqual(stateAt(first, NOW), { failures: 1, lockedUntil: null });
    assert.equal(first.expiresAt.getTime(), NOW + 15 * MINUTE);
    const second = fail(first, NOW + MINUTE);
    assert.deepEqual(stateAt(second, NOW + MINUTE), { failures: 2, lockedUntil: null });
    const third = fail(second, NOW + 2 * MINUTE);
    assert.deepEqual(stateAt(third, NOW + 2 * MINUTE), { failures: 3, lockedUntil: NOW + 17 * MINUTE });
    assert.equal(third.expiresAt.getTime(), NOW + 17 * MINUTE, 'kept until the lock ends');
  });

  it('starts afresh once the window has passed without a lock', () => {
    const twice = fail(fail(undefined, NOW), NOW);
    assert.deepEqual(stateAt(fail(twice, NOW + 15 * MINUTE), NOW + 15 * MINUTE), { failures: 1, lockedUntil: null });
  });

  it('counts nothing once the lock has ended', () => {
    const locked = fail(fail(fail(undefined, NOW), NOW), NOW);
    assert.deepEqual(stateAt(locked, NOW + 15 * MINUTE), { failures: 0, lockedUntil: null });
    assert.deepEqual(stateAt(fail(locked, NOW + 15 * MINUTE), NOW + 15 * MINUTE), { failures: 1, lockedUntil: null });
  });
});
