import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readMarc21 } from '../../src/import/marc/marc21-reader.js';
import { fixture, okRecords, readAll, rejects } from './helpers.js';
import { hasYaz } from './marc8/yaz.js';

const noYaz = hasYaz ? false : 'yaz-marcdump is not installed (Debian package yaz)';
const lenient = () => readAll(readMarc21, fixture('lenient.mrc'));
const warningsOf = async (id: string) => (await lenient()).flatMap((i) => (i.ok === true && i.record.id === id ? i.warnings : []));

test('a MARC-8 "£" in a record labelled UTF-8 costs that character, with a warning naming field and subfield', async () => {
  assert.deepEqual(await warningsOf('pound-in-utf8'), ['field 020 $c: a character that is not valid UTF-8 at the start was replaced by \uFFFD (the record says it is UTF-8)']);
});

test('a UTF-8 character split by a subfield delimiter costs a character on each side, not the record', async () => {
  const record = okRecords(await lenient()).find((r) => r.id === 'split-char')!;
  assert.equal(record.title, 'Caf\uFFFD');
  assert.equal(record.subtitle, '\uFFFD society');
  assert.equal((await warningsOf('split-char')).length, 2);
});

test('an incomplete escape sequence in one 880 costs a character; Cyrillic spaces and alif survive', async () => {
  const items = await lenient();
  const record = okRecords(items).find((r) => r.id === 'broken-escape')!;
  assert.deepEqual(record.altScript, ['Синдром Петрушки : роман\uFFFD']);
  assert.deepEqual(record.notes, ['\u02BCAl\u02BCI al-Qur\u02BCan.']);
  assert.deepEqual(await warningsOf('broken-escape'), ['field 880 $b: an incomplete change of character set (escape sequence) after "роман" was replaced by \uFFFD']);
});

test('a control character at leader/09 is warned about and the coding is read from the text', async () => {
  const record = okRecords(await lenient()).find((r) => r.id === 'leader-control')!;
  assert.equal(record.title, 'Zoë');
  assert.deepEqual(await warningsOf('leader-control'), ['the leader\'s character coding (position 09) is "?", neither blank (MARC-8) nor "a" (UTF-8); the text was read as UTF-8']);
});

test('only a record whose structure cannot be read is rejected, and why is said in words', async () => {
  const bad = rejects(await lenient());
  assert.deepEqual(bad.map((r) => [r.position.recordNumber, r.reason]), [[5, 'no directory: the record has no field terminator after its leader']]);
});

test('the same records as yaz-marcdump, and the same text where yaz can convert it', { skip: noYaz }, async () => {
  const items = await lenient();
  const yaz = execFileSync('yaz-marcdump', ['-f', 'MARC-8', '-t', 'UTF-8', fixture('lenient.mrc')]).toString('utf8');
  assert.equal(yaz.match(/^\d{5}\S*/gm)?.length, items.length);
  for (const id of yaz.match(/^001 (.*)$/gm)!.map((l) => l.slice(4))) assert.ok(okRecords(items).some((r) => r.id === id), id);
  const yaz880a = /^880 10 \$6 245-01 \$a (.*) \$b/m.exec(yaz)![1]!;
  assert.ok(okRecords(items).find((r) => r.id === 'broken-escape')!.altScript![0]!.startsWith(yaz880a.normalize('NFC')));
  assert.match(yaz, /^500 {4}\$a ʼAlʼI al-Qurʼan\.$/m);
});
