import { it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { canonicalJson, contentHash, slowCanonicalJson } from '../../src/storage/record-keys.js';
import { openEmbeddedStore } from '../../src/storage/embedded/index.js';
import type { CatalogueRecord } from '../../src/model/record.js';
import { catalogue, emma, janeEyre } from './fixtures.js';

it('keeps the content hashes stores already hold: a re-import still finds records unchanged', () => {
  // Computed by the member-by-member canonical JSON that shipped before (slowCanonicalJson is its copy).
  assert.equal(contentHash(emma), '1KcyE1KAsRlsKyXV6esrczMATaM=');
  assert.equal(contentHash(janeEyre), '9tlU2BEwt6n3Q5FiriX5c87V8MQ=');
});

it('writes canonical JSON exactly as the member-by-member definition does, for records and for odd data', () => {
  const odd: unknown[] = [
    ...catalogue,
    { b: 1, a: { d: [1, undefined, { z: 'é', y: null }], c: true }, e: undefined },
    // Keys the engine would write first, whatever their insertion order.
    { b: 1, 10: 'ten', 9: 'nine', a: 2 },
    { ['__proto__']: 1, a: 2 },
    Object.assign(Object.create(null) as object, { b: 'x', a: 'y' }),
    { when: new Date(0), a: 1 },
    { f: () => 1, a: [() => 2, Symbol('s')] },
    { 'ü': 1, 'u': 2, 'Z': 3, '': 4, 'a b': 5, 'a\u0000': 6, '\ud83d\ude00': 7 },
    [[], {}, [{}], 'text', 0, -0, NaN, Infinity, 1.5e300],
    'plain', 12, null, undefined, true,
  ];
  for (const value of odd) assert.equal(canonicalJson(value), slowCanonicalJson(value), JSON.stringify(value));
  // Same content in another key order, same text.
  const reordered = Object.fromEntries(Object.entries(emma).reverse()) as unknown as CatalogueRecord;
  assert.equal(canonicalJson(reordered), canonicalJson(emma));
  assert.equal(contentHash(reordered), contentHash(emma));
});

it('stores each record as its canonical JSON, which reads back as the record', async (t) => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shelfmark-hash-'));
  t.after(() => fs.rmSync(dataDir, { recursive: true, force: true }));
  const store = await openEmbeddedStore({ dataDir });
  await store.records.upsertMany(catalogue);
  assert.deepEqual(await store.records.get(emma.id), emma);
  // A record given with its keys in another order is the same record.
  const reordered = Object.fromEntries(Object.entries(emma).reverse()) as unknown as CatalogueRecord;
  assert.deepEqual(await store.records.upsertMany([reordered]), { added: 0, updated: 0, unchanged: 1 });
  await store.close();
  const db = new Database(path.join(dataDir, 'shelfmark.db'), { readonly: true });
  try {
    const { doc, hash } = db.prepare<[string], { doc: string; hash: string }>('SELECT doc, hash FROM records WHERE id = ?').get(emma.id)!;
    assert.equal(doc, slowCanonicalJson(emma));
    assert.equal(hash, contentHash(emma));
  } finally {
    db.close();
  }
});
