import { test } from 'node:test';
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import path from 'node:path';
import { RecordPacker, unpackRecords } from '../../src/import/packed-rows.js';
import { importItems } from '../../src/import/import-items.js';
import { canonicalJson } from '../../src/storage/record-keys.js';
import { recordRow } from '../../src/storage/embedded/record-rows.js';
import type { ReadItem } from '../../src/import/types.js';
import type { Store } from '../../src/storage/store.js';
import { catalogue, copy } from '../storage/fixtures.js';
import { freshStore } from './helpers.js';

const FILE = 'f.mrc';

/** The catalogue as the reading thread posts it with whole rows, then a holdings record for its second record and its first record again, changed. */
function itemsAsRows(): ReadItem[] {
  const packer = new RecordPacker(FILE);
  const changed = { ...catalogue[0]!, title: `${catalogue[0]!.title}, revised` };
  const records = [...catalogue, changed];
  records.forEach((record, i) => {
    packer.add({ ok: true, record, position: { file: FILE, recordNumber: i + 1, byteOffset: i }, warnings: [], prepared: { unmapped: [], row: recordRow(record) } });
  });
  const items = unpackRecords(structuredClone(packer.take()!), FILE);
  const holdings: ReadItem = {
    ok: 'holdings', position: { file: FILE, recordNumber: records.length + 1, byteOffset: records.length }, link: catalogue[1]!.id,
    targetIds: [catalogue[1]!.id], holdings: [copy('Central', 'available', 'joined-copy')], warnings: [],
  };
  return [...items.slice(0, catalogue.length), holdings, ...items.slice(catalogue.length)];
}

async function* each(items: ReadItem[]): AsyncIterable<ReadItem> {
  yield* items;
}

/** What the store holds, row for row. */
function stored(dataDir: string) {
  const db = new Database(path.join(dataDir, 'shelfmark.db'), { readonly: true });
  try {
    return db.prepare('SELECT id, doc, hash, sort_title, sort_author, year, facet_pairs FROM records ORDER BY id').all();
  } finally {
    db.close();
  }
}

test('records given to the embedded store as the whole rows the reading thread made are stored as the same records given plainly', async (t) => {
  const plain = await freshStore(t);
  const plainItems = itemsAsRows().map((item) => (item.ok === true ? { ...item, record: item.record, prepared: { unmapped: [], row: canonicalJson(item.record) } } : item));
  const plainCounts = await importItems(each(plainItems), { records: { ...plain.store.records, upsertRows: undefined } });

  await plain.store.close();

  // The embedded store takes a batch in parts (batchWriter); without that, each batch as one upsertRows.
  for (const inParts of [true, false]) {
    const asRows = await freshStore(t);
    const own = asRows.store.records;
    let rowBatches = 0;
    const records: Store['records'] = {
      ...own,
      upsertRows: async (rows) => {
        rowBatches++;
        return own.upsertRows!(rows);
      },
      batchWriter: inParts ? () => {
        const writer = own.batchWriter!()!;
        return { ...writer, write: (rows) => (rowBatches++, writer.write(rows)) };
      } : undefined,
    };
    const items = itemsAsRows();
    const counts = await importItems(each(items), { records });
    assert.equal(rowBatches, 1, 'the batch went in as rows');
    // No item's record was asked for (the one the holdings record joined to is parsed from its row's document).
    const asked = items.filter((item) => item.ok === true && Object.getOwnPropertyDescriptor(item, 'record')?.get === undefined);
    assert.equal(asked.length, 0);

    await asRows.store.close();
    assert.deepEqual(counts, plainCounts);
    assert.equal(counts.duplicates, 1);
    const rows = stored(asRows.dataDir);
    assert.deepEqual(rows, stored(plain.dataDir));
    const joined = rows.find((row) => (row as { id: string }).id === catalogue[1]!.id) as { doc: string };
    assert.ok(joined.doc.includes('joined-copy'), 'the holdings record joined its record');
    const revised = rows.find((row) => (row as { id: string }).id === catalogue[0]!.id) as { doc: string };
    assert.ok(revised.doc.includes(', revised'), 'the later record with the same id replaced the earlier');
  }
});

test('a store without upsertRows is given the records parsed from their documents', async (t) => {
  const { store, dataDir } = await freshStore(t);
  const counts = await importItems(each(itemsAsRows()), { records: { ...store.records, upsertRows: undefined } });
  assert.equal(counts.added, catalogue.length);
  assert.deepEqual((await store.records.getMany(catalogue.map((r) => r.id))).map((r) => r.id), catalogue.map((r) => r.id));
  await store.close();
  assert.equal(stored(dataDir).length, catalogue.length);
});
