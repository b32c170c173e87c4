import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { aggregate } from 'mingo';
import type { Document } from 'mongodb';
import { dailySearchesPipeline, readCount, readDaily, topFiltersPipeline, topQueriesPipeline } from '../../../src/storage/mongo/search-demand.js';
import { DAY0, KNOWN_SEARCHES, knownEntry } from '../contract/search-demand.js';

const DAY = 24 * 60 * 60_000;
const TO = DAY0 + 7 * DAY;
/** The documents as the adapter stores them: times as Dates, a random _id. */
const docs = KNOWN_SEARCHES.map((s, i) => {
  const e = knownEntry(s, i);
  return { ...e, _id: `id-${i}`, at: new Date(e.at) };
});
const run = (pipeline: Document[]) => aggregate(docs, pipeline) as Document[];

/** Runs the adapter's own pipelines through mingo, where no MongoDB server runs; the contract checks the same figures on a server. */
describe('mongodb search demand pipelines', () => {
  it('count first-page typed searches per UTC day, with those that found nothing; ticked facets are not searches', () => {
    assert.deepEqual(run(dailySearchesPipeline(DAY0, TO)).map(readDaily), [
      { day: '2026-11-20', searches: 5, zeroResults: 1 },
      { day: '2026-11-21', searches: 4, zeroResults: 3 },
      { day: '2026-11-23', searches: 1, zeroResults: 0 },
    ]);
  });

  it('rank queries, and queries that found nothing, ties in query order', () => {
    assert.deepEqual(run(topQueriesPipeline(DAY0, TO, 3)).map(readCount), [
      { value: 'bronte', searches: 3 },
      { value: 'zadie smith', searches: 3 },
      { value: 'dickens', searches: 2 },
    ]);
    assert.deepEqual(run(topQueriesPipeline(DAY0, TO, 10, true)).map(readCount), [
      { value: 'zadie smith', searches: 3 },
      { value: 'qwerty', searches: 1 },
    ]);
  });

  it('rank the filters used in searches and ticked on results pages', () => {
    assert.deepEqual(run(topFiltersPipeline(DAY0, TO, 10)).map(readCount), [
      { value: 'language:eng', searches: 4 },
      { value: 'mediaType:dvd', searches: 3 },
      { value: 'mediaType:book', searches: 2 },
    ]);
  });

  it('count an entry logged before searches had a kind as typed, as it was counted then', () => {
    const old = { _id: 'old', query: 'dickens', filters: [], results: 0, page: 1, at: new Date(DAY0 + 60_000) };
    const withOld = (pipeline: Document[]) => aggregate([...docs, old], pipeline) as Document[];
    assert.deepEqual(withOld(dailySearchesPipeline(DAY0, DAY0 + DAY)).map(readDaily), [{ day: '2026-11-20', searches: 6, zeroResults: 2 }]);
  });

  it('keep only values searched from enough distinct visits, a missing key counting as one visit', () => {
    const at = new Date(DAY0 + 60_000);
    const visits = [
      ...Array.from({ length: 5 }, (_, i) => ({ _id: `s${i}`, query: 'stuffed', filters: ['subject:spam'], results: 0, page: 1, at, visit: 'x' })),
      { _id: 'a', query: 'emma', filters: ['language:eng'], results: 2, page: 1, at, visit: 'a' },
      { _id: 'b', query: 'emma', filters: ['language:eng'], results: 2, page: 1, at, visit: 'b' },
      { _id: 'c', query: 'emma', filters: [], results: 2, page: 1, at },
    ];
    const runOn = (pipeline: Document[]) => (aggregate(visits, pipeline) as Document[]).map(readCount);
    assert.deepEqual(runOn(topQueriesPipeline(DAY0, TO, 10, false, 3)), [{ value: 'emma', searches: 3 }]);
    assert.deepEqual(runOn(topQueriesPipeline(DAY0, TO, 10, true, 3)), []);
    assert.deepEqual(runOn(topFiltersPipeline(DAY0, TO, 10, 2)), [{ value: 'language:eng', searches: 2 }]);
    assert.deepEqual(runOn(topFiltersPipeline(DAY0, TO, 10, 3)), []);
  });
});
