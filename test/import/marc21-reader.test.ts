import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readMarc21 } from '../../src/import/marc/marc21-reader.js';
import { fixture, okRecords, readAll, rejects } from './helpers.js';

test('a damaged record is kept with a warning naming the damage; only the cut-off one is rejected', async () => {
  const items = await readAll(readMarc21, fixture('bad-records.mrc'));
  assert.equal(items.length, 8);
  assert.deepEqual(okRecords(items).map((r) => r.id), ['good-1', 'good-90', 'good-2', 'good-91', 'good-92', 'bad-utf8', 'good-3']);
  const warnings = Object.fromEntries(items.flatMap((i) => (i.ok === true && i.warnings.length ? [[i.record.id, i.warnings.join(' | ')]] : [])));
  assert.match(warnings['good-90']!, /the leader's record length "12x45" is not a number/);
  assert.match(warnings['good-91']!, /the directory gives the wrong length for field 245; the field was read up to its end marker/);
  assert.match(warnings['good-92']!, /the leader gives the record length as \d+ bytes but the record is \d+ bytes long/);
  // 0xFF then the orphaned second byte of "é": two unreadable characters.
  assert.equal(warnings['bad-utf8'], 'field 245 $a: 2 characters that are not valid UTF-8 after "Caf" were replaced by \uFFFD (the record says it is UTF-8)');
  assert.equal(okRecords(items).find((r) => r.id === 'bad-utf8')!.title, 'Caf\uFFFD\uFFFD society');
  const bad = rejects(items).map((r) => [r.position.recordNumber, r.reason]);
  assert.deepEqual(bad.map(([n]) => n), [8]);
  assert.match(String(bad[0]![1]), /ends in the middle of this record.*truncated/);
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
  assert.ok(item?.ok === true);
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
