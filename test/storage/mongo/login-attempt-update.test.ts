import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { aggregate } from 'mingo';
import { releaseUpdate, reserveUpdate, stateAt, type AttemptDocument } from '../../../src/storage/mongo/login-attempt-store.js';

const NOW = 1_700_000_000_000;
const MINUTE = 60_000;
const POLICY = { maxAttempts: 3, windowMs: 15 * MINUTE };

/** Applies the adapter's pipeline update through mingo, as the server would to the document (or to `{ _id }` on upsert). */
function reserve(doc: AttemptDocument | undefined, now: number): AttemptDocument {
  const [after] = aggregate([doc ?? { _id: 'card:1' }], reserveUpdate(now, POLICY)) as unknown as AttemptDocument[];
  return after!;
}

function release(doc: AttemptDocument): AttemptDocument {
  const [after] = aggregate([doc], releaseUpdate(POLICY)) as unknown as AttemptDocument[];
  return after!;
}

describe('the MongoDB login-attempt updates, checked without a server', () => {
  it('starts a window on a new document, counts on, and locks on the last allowed attempt', () => {
    const first = reserve(undefined, NOW);
    assert.deepEqual(stateAt(first, NOW), { attempts: 1, lockedUntil: null });
    assert.equal(first.expiresAt.getTime(), NOW + 15 * MINUTE);
    const second = reserve(first, NOW + MINUTE);
    assert.deepEqual(stateAt(second, NOW + MINUTE), { attempts: 2, lockedUntil: null });
    const third = reserve(second, NOW + 2 * MINUTE);
    assert.deepEqual(stateAt(third, NOW + 2 * MINUTE), { attempts: 3, lockedUntil: NOW + 17 * MINUTE });
    assert.equal(third.expiresAt.getTime(), NOW + 17 * MINUTE, 'kept until the lock ends');
  });

  it('does not extend a lock with the attempts refused during it', () => {
    const locked = reserve(reserve(reserve(undefined, NOW), NOW), NOW);
    const fourth = reserve(locked, NOW + 5 * MINUTE);
    assert.deepEqual(stateAt(fourth, NOW + 5 * MINUTE), { attempts: 4, lockedUntil: NOW + 15 * MINUTE });
  });

  it('starts afresh once the window has passed without a lock', () => {
    const twice = reserve(reserve(undefined, NOW), NOW);
    assert.deepEqual(stateAt(reserve(twice, NOW + 15 * MINUTE), NOW + 15 * MINUTE), { attempts: 1, lockedUntil: null });
  });

  it('counts nothing once the lock has ended', () => {
    const locked = reserve(reserve(reserve(undefined, NOW), NOW), NOW);
    assert.deepEqual(stateAt(locked, NOW + 15 * MINUTE), { attempts: 0, lockedUntil: null });
    assert.deepEqual(stateAt(reserve(locked, NOW + 15 * MINUTE), NOW + 15 * MINUTE), { attempts: 1, lockedUntil: null });
  });

  it('gives an attempt back, unlocking below the limit and never going below zero', () => {
    const locked = reserve(reserve(reserve(undefined, NOW), NOW), NOW);
    const back = release(locked);
    assert.deepEqual(stateAt(back, NOW), { attempts: 2, lockedUntil: null });
    assert.equal(back.expiresAt.getTime(), NOW + 15 * MINUTE);
    assert.equal(release(release(release(back))).failures, 0);
  });
});
