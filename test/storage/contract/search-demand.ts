import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { SearchKind, SearchLogEntry } from '../../../src/storage/log-stores.js';
import type { StoreRef } from './helpers.js';

const DAY = 24 * 60 * 60_000;
/** Midnight UTC, 2026-11-20. */
export const DAY0 = Date.parse('2026-11-20T00:00:00Z');

type Search = [day: number, query: string, results: number, filters?: string[], page?: number, kind?: SearchKind];

/**
 * A known week of searches: the reports must give exactly these figures.
 * Day 0: bronte ×2 (one a second page, not a search), dickens, zadie smith (none), browse with a filter.
 * Day 1: bronte, zadie smith (none) ×2, qwerty (none).  Day 3: dickens.  Day 9: bronte (outside the range asked).
 * Two ticked facet values (day 0 and day 1, one finding nothing): filters used, never searches.
 */
export const KNOWN_SEARCHES: Search[] = [
  [0, 'bronte', 12, ['language:eng']],
  [0, 'bronte', 12, ['language:eng'], 2],
  [0, 'bronte', 12, ['language:eng', 'mediaType:book']],
  [0, 'dickens', 30],
  [0, 'zadie smith', 0],
  [0, '', 526, ['mediaType:dvd']],
  [1, 'bronte', 12],
  [1, 'zadie smith', 0],
  [1, 'zadie smith', 0, ['language:eng']],
  [1, 'qwerty', 0],
  [3, 'dickens', 30, ['mediaType:book']],
  [9, 'bronte', 12],
  [0, 'bronte', 0, ['language:eng', 'mediaType:dvd'], 1, 'facet'],
  [1, 'qwerty', 0, ['mediaType:dvd'], 1, 'facet'],
];

export function knownEntry([day, query, results, filters = [], page = 1, kind = 'typed']: Search, i: number): SearchLogEntry {
  return { query, results, filters, page, kind, at: DAY0 + day * DAY + 9 * 60 * 60_000 + i * 60_000 };
}

/** The demand reports over the anonymous search log. */
export function searchDemandContract(store: StoreRef): void {
  describe('search demand reports', () => {
    const load = async () => {
      for (const [i, s] of KNOWN_SEARCHES.entries()) await store().searchLog.append(knownEntry(s, i));
    };
    const to = DAY0 + 7 * DAY;

    it('counts typed searches per day, first pages only, with those that found nothing; ticked facets are not searches', async () => {
      await load();
      assert.deepEqual(await store().searchLog.daily(DAY0, to), [
        { day: '2026-11-20', searches: 5, zeroResults: 1 },
        { day: '2026-11-21', searches: 4, zeroResults: 3 },
        { day: '2026-11-23', searches: 1, zeroResults: 0 },
      ]);
    });

    it('ranks queries by searches, leaving out browsing without words', async () => {
      await load();
      assert.deepEqual(await store().searchLog.topQueries(DAY0, to, 10), [
        { value: 'bronte', searches: 3 },
        { value: 'zadie smith', searches: 3 },
        { value: 'dickens', searches: 2 },
        { value: 'qwerty', searches: 1 },
      ]);
      assert.deepEqual(await store().searchLog.topQueries(DAY0, to, 1), [{ value: 'bronte', searches: 3 }]);
    });

    it('ranks the queries that found nothing', async () => {
      await load();
      assert.deepEqual(await store().searchLog.topQueries(DAY0, to, 10, { zeroResults: true }), [
        { value: 'zadie smith', searches: 3 },
        { value: 'qwerty', searches: 1 },
      ]);
    });

    it('with minVisits, lists only queries and filters searched from that many distinct visits', async () => {
      const at = DAY0 + 9 * 60 * 60_000;
      const from = (visit: string, query: string, filters: string[] = [], results = 5) => store().searchLog.append({ query, filters, results, page: 1, kind: 'typed', at, visit });
      for (let i = 0; i < 10; i++) await from('stuffer', 'buy cheap pills', ['subject:spam'], 0);
      await from('a', 'emma', ['language:eng']);
      await from('b', 'emma', ['language:eng']);
      await from('b', 'emma', ['language:eng']);
      await from('c', 'emma');
      await from('a', 'secret', [], 0);
      await from('b', 'secret', [], 0);
      assert.deepEqual(await store().searchLog.topQueries(DAY0, to, 10, { minVisits: 3 }), [{ value: 'emma', searches: 4 }]);
      assert.deepEqual(await store().searchLog.topQueries(DAY0, to, 10, { zeroResults: true, minVisits: 3 }), []);
      assert.deepEqual(await store().searchLog.topFilters(DAY0, to, 10, { minVisits: 3 }), []);
      assert.deepEqual(await store().searchLog.topFilters(DAY0, to, 10, { minVisits: 2 }), [{ value: 'language:eng', searches: 3 }]);
      assert.equal((await store().searchLog.daily(DAY0, to))[0]?.searches, 16, 'every search still counts in the totals');
    });

    it('ranks the filters used in searches and ticked on results pages', async () => {
      await load();
      assert.deepEqual(await store().searchLog.topFilters(DAY0, to, 10), [
        { value: 'language:eng', searches: 4 },
        { value: 'mediaType:dvd', searches: 3 },
        { value: 'mediaType:book', searches: 2 },
      ]);
    });

    it('reports only the range asked for', async () => {
      await load();
      assert.deepEqual(await store().searchLog.daily(DAY0 + DAY, DAY0 + 2 * DAY), [{ day: '2026-11-21', searches: 4, zeroResults: 3 }]);
      assert.deepEqual(await store().searchLog.topQueries(DAY0 + 9 * DAY, DAY0 + 10 * DAY, 10), [{ value: 'bronte', searches: 1 }]);
      assert.deepEqual(await store().searchLog.topFilters(DAY0 + 3 * DAY, DAY0 + 4 * DAY, 10), [{ value: 'mediaType:book', searches: 1 }]);
      assert.deepEqual(await store().searchLog.daily(DAY0 - 7 * DAY, DAY0), []);
    });
  });
}
