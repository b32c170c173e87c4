import { test } from 'node:test';
import assert from 'node:assert/strict';
import { libraryToday } from '../../src/text/member-date.js';

const LONDON = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: 'Europe/London' });

test('the library’s day is London’s, at every minute around midnight and the clock changes, in any order asked', () => {
  const instants: number[] = [];
  // Midnight in winter (UTC+0) and summer (UTC+1), and the nights the clocks change in 2026.
  for (const around of ['2026-01-15T00:00:00Z', '2026-07-15T23:00:00Z', '2026-03-29T00:00:00Z', '2026-10-25T00:00:00Z']) {
    const at = Date.parse(around);
    for (let s = -3 * 3600; s <= 3 * 3600; s += 29) instants.push(at + s * 1000);
  }
  for (const now of [...instants, ...instants.reverse()]) assert.equal(libraryToday(now), LONDON.format(now), new Date(now).toISOString());
  // The last millisecond of a day and the first of the next, one after the other.
  const midnight = Date.parse('2026-12-01T00:00:00Z');
  assert.deepEqual([libraryToday(midnight - 1), libraryToday(midnight), libraryToday(midnight - 1)], ['2026-11-30', '2026-12-01', '2026-11-30']);
});
