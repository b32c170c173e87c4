import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { build, csrfOf } from '../helpers/build.js';
import { addMember } from '../helpers/members.js';
import { throttleKeys } from '../../src/members/throttle.js';
import { scryptPins } from '../../src/members/pin-hash.js';
import type { PinVerifier } from '../../src/http/deps.js';

const BURST = 300;

/** The real scrypt verifier, counting every PIN it checks: per stored hash, and decoy checks for unknown cards. */
function countingPins(): PinVerifier & { checks: Map<string, number>; decoys: number; total(): number } {
  const checks = new Map<string, number>();
  const counter = {
    checks,
    decoys: 0,
    total: () => counter.decoys + [...checks.values()].reduce((a, b) => a + b, 0),
    async verify(pin: string, stored: string) {
      checks.set(stored, (checks.get(stored) ?? 0) + 1);
      return scryptPins.verify(pin, stored);
    },
    async decoy(pin: string) {
      counter.decoys += 1;
      return scryptPins.decoy(pin);
    },
  };
  return counter;
}

/** `count` login posts sent at once from one browser (one address). */
async function burst(built: Awaited<ReturnType<typeof build>>, attempt: (i: number) => { card: string; pin: string }) {
  const v = built.browser();
  await v.get('/');
  await v.get('/login');
  const _csrf = await csrfOf(v);
  return Promise.all(Array.from({ length: BURST }, (_, i) =>
    v.post('/login').set('Accept', 'text/html').type('form').send({ ...attempt(i), _csrf })));
}

describe('login lockouts under a burst of parallel guesses', () => {
  it(`checks at most 5 PINs for one card when ${BURST} guesses arrive at once, and the right PIN among them does not get in`, async (t) => {
    const pins = countingPins();
    const built = await build(t, { pins });
    await addMember(built.store, '1000000001', '1234');
    const hash = (await built.store.members.getByCard('1000000001'))!.pinHash;
    // 299 wrong PINs, then the right one last: the lock must already hold when it arrives.
    const answers = await burst(built, (i) => ({ card: '1000000001', pin: i === BURST - 1 ? '1234' : String(5000 + i) }));
    const perCard = pins.checks.get(hash) ?? 0;
    t.diagnostic(`PIN checks for the card: ${perCard} of ${BURST} posts`);
    assert.ok(perCard <= 5, `${perCard} PINs were checked for one card`);
    assert.equal(answers.filter((r) => r.status === 302).length, 0, 'nobody got in');
    assert.ok(answers.every((r) => r.status === 401 || r.status === 429), 'every guess was refused');
    assert.ok(answers.filter((r) => r.status === 401).length < 5, 'the rest were told the card is locked');
  });

  it(`checks at most 20 PINs from one address when ${BURST} guesses on different cards arrive at once`, async (t) => {
    const pins = countingPins();
    const built = await build(t, { pins });
    const answers = await burst(built, (i) => ({ card: `2000${String(i).padStart(6, '0')}`, pin: '0000' }));
    t.diagnostic(`PIN checks from the address: ${pins.total()} of ${BURST} posts`);
    assert.ok(pins.total() <= 20, `${pins.total()} PINs were checked from one address`);
    assert.ok(answers.every((r) => r.status === 401 || r.status === 429), 'every guess was refused');
    assert.ok(answers.filter((r) => r.status === 429).length >= BURST - 20, 'the rest were told to wait');
  });

  it('cannot lock more than 4 cards from one address, however many guesses it sends at once', async (t) => {
    const built = await build(t, { pins: countingPins() });
    const cards = Array.from({ length: 60 }, (_, i) => `3000${String(i).padStart(6, '0')}`);
    await burst(built, (i) => ({ card: cards[i % cards.length]!, pin: '0000' }));
    const states = await Promise.all(cards.map((card) => built.store.loginAttempts.get(throttleKeys(card, '').card, built.clock.now)));
    const locked = states.filter((s) => s.lockedUntil !== null).length;
    t.diagnostic(`cards locked by one address: ${locked} of ${cards.length}`);
    assert.ok(locked <= 4, `${locked} cards were locked`);
  });
});
