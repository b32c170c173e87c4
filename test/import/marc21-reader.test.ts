import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readMarc21 } from '../../src/import/marc/marc21-reader.js';
import { fixture, okRecords, readAll, rejects } from './helpers.js';

test('every bad record is rejected with its number, byte offset and reason, and the good ones around it are read', async () => {
  const items = await readAll(readMarc21, fixture('bad-records.mrc'));
  assert.equal(items.length, 8);
  assert.deepEqual(okRecords(items).map((r) => r.id), ['good-1', 'good-2', 'good-3']);
  const bad = rejects(items).map((r) => [r.position.recordNumber, r.position.byteOffset, r.reason]);
  assert.equal(bad.length, 5);
  assert.deepEqual(bad.map(([n]) => n), [2, 4, 5, 6, 8]);
  assert.match(String(bad[0]![2]), /bad leader/);
  assert.match(String(bad[1]![2]), /field 245 points past the end/);
  assert.match(String(bad[2]![2]), /wrong record length/);
  assert.match(String(bad[3]![2]), /invalid UTF-8 in field 245/);
  assert.match(String(bad[4]![2]), /ends in the middle of this record.*truncated/);
});

test('byte offsets point at the first byte of each rejected record', async () => {
  const items = await readAll(readMarc21, fixture('bad-records.mrc'));
  const offsets = items.map((i) => i.position.byteOffset!);
  for (let i = 1; i < offsets.length; i++) assert.ok(offsets[i]! > offsets[i - 1]!);
  const { readFileSync } = await import('node:fs');
  const bytes = readFileSync(fixture('bad-records.mrc'));
  // Each record but the one with the broken leader starts with its five-digit length.
  for (const item of items) if (item.position.recordNumber !== 2) assert.match(bytes.toString('latin1', item.position.byteOffset, item.position.byteOffset! + 5), /^\d{5}$/);
});

test('MARC-8 diacritics come out as NFC UTF-8', async () => {
  const [item] = await readAll(readMarc21, fixture('marc8.mrc'));
  assert.ok(item?.ok);
  assert.equal(item.record.title, 'Łódź');
  assert.equal(item.record.subtitle, 'Øst og Đuro');
  assert.deepEqual(item.record.authors, ['Brontë, Anne']);
  assert.equal(item.record.title, item.record.title.normalize('NFC'));
});

test('decomposed UTF-8 is stored composed, so "Brontë" matches whichever way it was typed', async () => {
  const jane = okRecords(await readAll(readMarc21, fixture('valid-utf8.mrc'))).find((r) => r.id === 'jane-eyre');
  assert.deepEqual(jane?.authors, ['Brontë, Charlotte']);
  assert.equal(jane?.authors[0], 'Bront\u00eb, Charlotte');
});
