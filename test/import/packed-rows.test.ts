import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RecordPacker, unpackRecords } from '../../src/import/packed-rows.js';
import { canonicalJson } from '../../src/storage/record-keys.js';
import { recordRow } from '../../src/storage/embedded/record-rows.js';
import type { ReadItem } from '../../src/import/types.js';
import type { CatalogueRecord } from '../../src/model/record.js';
import { catalogue, makeRecord } from '../storage/fixtures.js';

type GoodItem = Extract<ReadItem, { ok: true }>;

const prepared = (record: CatalogueRecord, position: ReadItem['position'], extra: Partial<GoodItem> = {}): GoodItem => ({
  ok: true, record, position, warnings: [], prepared: { unmapped: [], row: canonicalJson(record) }, ...extra,
});
const withRow = (item: GoodItem): GoodItem => ({ ...item, prepared: { ...item.prepared!, row: recordRow(item.record) } });

for (const [form, wholeRows] of [['its document', false], ['its whole row', true]] as const) test(`prepared records posted packed arrive as they left, each with ${form}, in order`, () => {
  const odd = makeRecord({
    id: 'odd', title: '', subtitle: 'a\u0000b \ud83d\ude00 Łódź', authors: ['', 'x'], notes: ['é'.repeat(40), ''],
    subjects: ['\u001f'], holdings: [{ itemId: 'i', branch: 'Central', shelfmark: '', status: 'available' }],
  });
  const records = [...catalogue, odd];
  const items = records
    .map((record, i) => prepared(record, i % 2 ? { file: 'f.mrc', recordNumber: i + 1, byteOffset: 100 * i } : { file: 'f.mrc', recordNumber: i + 1, line: 3 * i, byteOffset: 7 }))
    .map((item) => (wholeRows ? withRow(item) : item));
  const packer = new RecordPacker('f.mrc');
  assert.deepEqual(items.map((item) => packer.add(item)), records.map((_, i) => i));
  const packed = packer.take()!;
  // Through the same structured clone a message takes.
  const unpacked = unpackRecords(structuredClone(packed), 'f.mrc');
  assert.deepEqual(unpacked, items);
  assert.equal(packer.take(), undefined, 'the packer starts again empty');
});

test('records with anything beyond a plain document are posted as they are', () => {
  const record = catalogue[0]!;
  const position = { file: 'f.mrc', recordNumber: 1, byteOffset: 0 };
  const packer = new RecordPacker('f.mrc');
  assert.equal(packer.add(prepared(record, position, { warnings: ['a warning'] })), -1);
  assert.equal(packer.add({ ...prepared(record, position), prepared: { unmapped: [['Attic', 2]], row: canonicalJson(record) } }), -1);
  assert.equal(packer.add(prepared(record, position, { joinedHoldings: 1 })), -1);
  assert.equal(packer.add(prepared(record, { ...position, file: 'other.mrc' })), -1);
  assert.equal(packer.add({ ok: true, record, position, warnings: [] }), -1, 'not prepared');
  assert.equal(packer.add({ ok: false, position, reason: 'bad' }), -1);
  assert.equal(packer.take(), undefined);
});

test('a pack holds documents alone or whole rows, never both', () => {
  const [first, second] = catalogue;
  const position = { file: 'f.mrc', recordNumber: 1, byteOffset: 0 };
  const packer = new RecordPacker('f.mrc');
  assert.equal(packer.add(prepared(first!, position)), 0);
  assert.equal(packer.add(withRow(prepared(second!, position))), -1);
  assert.equal(packer.take()!.rows, false);
  assert.equal(packer.add(withRow(prepared(first!, position))), 0);
  assert.equal(packer.add(prepared(second!, position)), -1);
  assert.equal(packer.take()!.rows, true);
});
