import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BSON } from 'mongodb';
import { toRecordDocument } from '../../../src/storage/mongo/record-document.js';
import { upsertCounts, upsertOps } from '../../../src/storage/mongo/upsert-ops.js';
import { emma, janeEyre } from '../fixtures.js';

/** The same record with every key, at every depth, in reverse order. */
function reversedKeys<T>(value: T): T {
  if (Array.isArray(value)) return value.map(reversedKeys) as T;
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).reverse().map(([k, v]) => [k, reversedKeys(v)])) as T;
  return value;
}

describe('MongoDB import writes', () => {
  it('sends one unordered replace-or-insert per record, keyed by id', () => {
    const ops = upsertOps([emma, janeEyre]);
    assert.deepEqual(ops, [
      { replaceOne: { filter: { _id: emma.id }, replacement: toRecordDocument(emma), upsert: true } },
      { replaceOne: { filter: { _id: janeEyre.id }, replacement: toRecordDocument(janeEyre), upsert: true } },
    ]);
  });

  it('stores equal content as the same bytes, whatever the key order or undefined fields', () => {
    // The server counts a replacement as unmodified only when the bytes are equal: that is the unchanged count.
    const again = { ...reversedKeys(emma), edition: undefined };
    assert.deepEqual(BSON.serialize(toRecordDocument(again)), BSON.serialize(toRecordDocument(emma)));
    const changed = { ...emma, holdings: [{ ...emma.holdings[0]!, status: 'on-loan' as const }] };
    assert.notDeepEqual(BSON.serialize(toRecordDocument(changed)), BSON.serialize(toRecordDocument(emma)));
  });

  it('keeps the record itself apart from what is derived for search, facets and sorting', () => {
    const doc = toRecordDocument(janeEyre);
    assert.deepEqual(doc.r, janeEyre);
    assert.deepEqual(doc._s.isbn, ['9780141441146', '0141441143']);
    assert.equal(doc._p.author, 'bronte charlotte');
    assert.deepEqual(doc._f, { mediaType: ['book'], language: ['eng'], decade: ['1840'], author: ['Brontë, Charlotte'],
      subject: ['Governesses', 'Domestic fiction'], branch: ['Central'] });
    assert.deepEqual(doc._k, { author: 'bronte, charlotte', noYear: 0, title: 'jane eyre', year: 1847 });
  });

  it('counts added, updated and unchanged from the bulkWrite result', () => {
    assert.deepEqual(upsertCounts({ upsertedCount: 3, matchedCount: 5, modifiedCount: 2 }), { added: 3, updated: 2, unchanged: 3 });
    assert.deepEqual(upsertCounts({ upsertedCount: 0, matchedCount: 4, modifiedCount: 0 }), { added: 0, updated: 0, unchanged: 4 });
  });
});
