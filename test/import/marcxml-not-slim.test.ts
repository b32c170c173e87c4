import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readMarcxml } from '../../src/import/marc/marcxml-reader.js';
import { fixture, okRecords, readAll } from './helpers.js';
import { hasYaz } from './marc8/yaz.js';

test('MARCXML that is not MARC slim is read, and every departure is warned about with its line', async () => {
  const items = await readAll(readMarcxml, fixture('not-slim.xml'));
  assert.equal(items.length, 1);
  const item = items[0]!;
  assert.ok(item.ok === true);
  assert.equal(item.record.title, 'Wrapped title');
  assert.equal(item.record.subtitle, 'still read');
  assert.deepEqual(item.warnings, [
    'line 7: <subfields> is not a MARCXML element and was ignored (MARCXML inside it was still read)',
    'line 12: a <datafield> with no tag; its text is kept but not shown',
    'line 16: a <subfield> with no code; its text is kept but not shown',
    'line 19: <note> is not a MARCXML element and was ignored (MARCXML inside it was still read)',
  ]);
});

test('a subfield with no code never matches every code', async () => {
  const [record] = okRecords(await readAll(readMarcxml, fixture('not-slim.xml')));
  assert.deepEqual(record!.authors, ['Author, Real']);
});

test('yaz-marcdump reads the same record, title and author from the file', { skip: hasYaz ? false : 'yaz-marcdump is not installed' }, () => {
  const yaz = execFileSync('yaz-marcdump', ['-i', 'marcxml', fixture('not-slim.xml')]).toString('utf8');
  assert.equal(yaz.match(/^\d{5}\S*/gm)?.length, 1);
  assert.match(yaz, /^245 10 \$a Wrapped title : \$b still read\.$/m);
  assert.match(yaz, /\$a Author, Real\.$/m);
});
