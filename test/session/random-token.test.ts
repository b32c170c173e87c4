import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomToken } from '../../src/session/random-token.js';
import { newSessionId } from '../../src/session/session.js';
import { newCsrfToken } from '../../src/session/csrf.js';

test('tokens have the bytes asked for, in base64url, and never repeat across many refills of the pool', () => {
  const seen = new Set<string>();
  // 32 bytes each: 128 a pool, so this draws the pool afresh about 160 times, with odd sizes between.
  for (let i = 0; i < 20_000; i++) {
    const token = i % 7 === 0 ? randomToken(5) : randomToken(32);
    assert.match(token, /^[A-Za-z0-9_-]+$/);
    assert.equal(Buffer.from(token, 'base64url').length, i % 7 === 0 ? 5 : 32);
    assert.ok(!seen.has(token), `token ${i} repeated`);
    seen.add(token);
  }
});

test('more bytes than the pool holds still come, random', () => {
  const a = randomToken(10_000);
  const b = randomToken(10_000);
  assert.equal(Buffer.from(a, 'base64url').length, 10_000);
  assert.notEqual(a, b);
});

test('no run of zero bytes: the bytes handed out are the random ones, not the zeroed ones', () => {
  // A pool handed out after it was zeroed would give 32 zero bytes; 32 random bytes all zero has odds of 2^-256.
  for (let i = 0; i < 1000; i++) assert.notEqual(Buffer.from(randomToken(32), 'base64url').toString('hex'), '0'.repeat(64));
});

test('session ids are 256 bits and CSRF tokens 192 bits, each distinct', () => {
  const ids = new Set(Array.from({ length: 500 }, () => newSessionId()));
  assert.equal(ids.size, 500);
  for (const id of ids) assert.equal(Buffer.from(id, 'base64url').length, 32);
  assert.equal(Buffer.from(newCsrfToken(), 'base64url').length, 24);
  assert.notEqual(newCsrfToken(), newCsrfToken());
});
