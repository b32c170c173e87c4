import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createRecordStore } from '../../../src/storage/mongo/record-store.js';
import { TOTAL_CAP } from '../../../src/storage/mongo/search-pipeline.js';
import { clause, query } from '../contract/helpers.js';
import { catalogue, makeRecord } from '../fixtures.js';
import { catalogueDb } from './evaluate.js';

/** A catalogue past the count cap: every record English, one in three French too. */
const large = Array.from({ length: TOTAL_CAP + 60 }, (_, i) =>
  makeRecord({ id: `big-${String(i).padStart(5, '0')}`, title: `Volume ${i}`, languages: i % 3 === 0 ? ['eng', 'fre'] : ['eng'], year: 1900 + (i % 100) }));

describe('MongoDB search in separate parts (run through mingo)', () => {
  it('reads the page as ids from find(), then the page documents by id, and counts with countDocuments', async () => {
    const { db, calls } = catalogueDb(catalogue);
    const result = await createRecordStore(db).search(query({ clauses: [clause('austen')], sort: 'title', limit: 2, facetLimit: 0 }));
    assert.deepEqual(result.records.map((r) => r.id), ['rec-emma', 'rec-emma-audio']);
    assert.equal(result.total, 3);
    assert.equal(result.totalIsLowerBound, undefined);
    assert.deepEqual(calls.sort(), ['records.countDocuments', 'records.find', 'records.find']);
  });

  it('stops counting at the cap and says the total is a lower bound, with facets estimated from a sample', async () => {
    const { db } = catalogueDb(large);
    const result = await createRecordStore(db).search(query({ clauses: [clause('volume')], sort: 'title', limit: 3 }));
    assert.equal(result.total, TOTAL_CAP);
    assert.equal(result.totalIsLowerBound, true);
    assert.equal(result.facetsEstimated, true);
    assert.deepEqual(result.records.map((r) => r.id), ['big-00000', 'big-00001', 'big-00010']);
    // Every record is English, so every sampled record counts and the estimate scales back to the whole catalogue.
    assert.equal(result.facets.language[0]!.value, 'eng');
    assert.ok(Math.abs(result.facets.language[0]!.count - large.length) <= 1, `estimated ${result.facets.language[0]!.count}`);
  });

  it('counts exactly, facets too, while the match set is within the cap', async () => {
    const { db } = catalogueDb(large);
    const result = await createRecordStore(db).search(query({ clauses: [clause('volume')], filters: [{ field: 'decade', value: '1900' }], limit: 1 }));
    const expected = large.filter((r) => r.year! < 1910).length;
    assert.equal(result.total, expected);
    assert.equal(result.totalIsLowerBound, undefined);
    assert.equal(result.facetsEstimated, undefined);
    assert.deepEqual(result.facets.decade, [{ value: '1900', count: expected }]);
  });

  it('counts a browse from whole-catalogue figures kept per catalogue version', async () => {
    const { db, calls } = catalogueDb(catalogue);
    const store = createRecordStore(db);
    const first = await store.search(query({ limit: 0 }));
    await store.search(query({ limit: 0 }));
    assert.equal(calls.filter((c) => c === 'records.aggregate').length, 1, 'the second browse reuses the counts');
    assert.equal(first.total, catalogue.length);
    assert.deepEqual(first.facets.mediaType[0], { value: 'book', count: 5 });

    await store.upsertMany([makeRecord({ id: 'rec-new', mediaType: 'dvd' })]);
    const after = await store.search(query({ limit: 0 }));
    assert.equal(calls.filter((c) => c === 'records.aggregate').length, 2, 'an import makes a new version');
    assert.deepEqual(after.facets.mediaType.find((f) => f.value === 'dvd'), { value: 'dvd', count: 2 });
    await store.search(query({ limit: 0, facetLimit: 3 }));
    await store.search(query({ limit: 0 }));
    assert.equal(calls.filter((c) => c === 'records.aggregate').length, 3, 'one entry per facet limit, neither evicting the other');
  });

  it('counts the catalogue with estimatedDocumentCount and empties it by dropping the collection', async () => {
    const { db, calls, data } = catalogueDb(catalogue);
    const store = createRecordStore(db);
    assert.equal(await store.count(), catalogue.length);
    await store.clear();
    assert.equal(await store.count(), 0);
    assert.equal(data.get('catalogueMeta')?.[0]?.version, 1);
    assert.deepEqual(calls, ['records.estimatedDocumentCount', 'records.drop', 'records.createIndexes', 'catalogueMeta.updateOne', 'records.estimatedDocumentCount']);
  });
});
