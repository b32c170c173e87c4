import { test } from 'node:test';
import assert from 'node:assert/strict';
import { normaliseIsbn } from '../../src/text/isbn.js';

test('an ISBN-10 with hyphens becomes the ISBN-13 a member can search', () => {
  assert.equal(normaliseIsbn('0-14-143951-3'), '9780141439518');
});

test('an ISBN-10 ending in X is converted', () => {
  assert.equal(normaliseIsbn('0-7553-0750-X'), '9780755307500');
});

test('an ISBN-13 keeps its digits and loses its hyphens and qualifier', () => {
  assert.equal(normaliseIsbn('978-0-14-143951-8 (pbk.)'), '9780141439518');
});

test('a wrong check digit is not an ISBN', () => {
  assert.equal(normaliseIsbn('9780141439519'), null);
  assert.equal(normaliseIsbn('0-14-143951-4'), null);
});

test('text that is not an ISBN is refused', () => {
  assert.equal(normaliseIsbn('not-an-isbn'), null);
  assert.equal(normaliseIsbn('12345'), null);
});
