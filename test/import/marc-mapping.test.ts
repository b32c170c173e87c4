import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readMarc21 } from '../../src/import/marc/marc21-reader.js';
import { readMarcxml } from '../../src/import/marc/marcxml-reader.js';
import { fixture, okRecords, readAll } from './helpers.js';

async function records() {
  const items = await readAll(readMarc21, fixture('valid-utf8.mrc'));
  return { items, byId: new Map(okRecords(items).map((r) => [r.id, r])) };
}

test('a book maps field by field: 001/003 id, 020, 041, 100/700, 245, 250, 264, 300, 490/830, 500, 520, 650, 655', async () => {
  const emma = (await records()).byId.get('(SHELF)emma-1');
  assert.ok(emma);
  assert.equal(emma.title, 'Emma');
  assert.equal(emma.statement, 'Jane Austen ; with an introduction by Fiona Stafford');
  assert.deepEqual(emma.authors, ['Austen, Jane', 'Stafford, Fiona J.']);
  assert.deepEqual(emma.isbns, ['9780141439587']);
  assert.deepEqual(emma.languages, ['eng', 'fre']);
  assert.equal(emma.edition, 'Penguin classics ed');
  assert.equal(emma.publisher, 'Penguin');
  assert.equal(emma.year, 2003);
  assert.equal(emma.extent, 'xxxvi, 474 pages ; 20 cm');
  assert.deepEqual(emma.series, ['Penguin classics']);
  assert.deepEqual(emma.notes, ['First published 1816.']);
  assert.equal(emma.summary, 'Emma Woodhouse meddles in the love lives of Highbury.');
  assert.deepEqual(emma.subjects, ['Young women -- England -- Fiction']);
  assert.deepEqual(emma.genres, ['Domestic fiction', 'Fiction']);
  assert.equal(emma.mediaType, 'book');
});

test('an invalid 020 is left out with a warning naming it', async () => {
  const { items } = await records();
  const emma = items.find((i) => i.ok === true && i.record.id === '(SHELF)emma-1');
  assert.ok(emma?.ok === true);
  assert.deepEqual(emma.warnings, ['020 $a "12345" is not a valid ISBN and was left out']);
});

test('holdings come from 852 and Koha 952, with loans and reference copies', async () => {
  const emma = (await records()).byId.get('(SHELF)emma-1')!;
  assert.deepEqual(emma.holdings, [
    { itemId: '39001', branch: 'Central Library', shelfmark: 'F AUS', status: 'available' },
    { itemId: '39002', branch: 'Northgate', shelfmark: 'F AUS', status: 'on-loan', dueDate: '2026-12-01' },
    { itemId: '39003', branch: 'Riverside', shelfmark: 'F AUS', status: 'reference' },
  ]);
});

test('a spoken-word recording is an audiobook and its 880 Cyrillic stays searchable beside the romanised form', async () => {
  const war = (await records()).byId.get('war-and-peace-audio')!;
  assert.equal(war.mediaType, 'audiobook');
  assert.equal(war.title, 'Voĭna i mir');
  assert.deepEqual(war.altScript, ['Толстой, Лев,', 'Война и мир.']);
  assert.deepEqual(war.languages, ['rus']);
});

test('a uniform title comes from 240 or 130 $a $n $p, without the language of a translation', async () => {
  const [hobbit, film] = okRecords(await readAll(readMarcxml, fixture('uniform-titles.xml')));
  assert.equal(hobbit!.title, 'Bilbo le hobbit');
  assert.equal(hobbit!.uniformTitle, 'Hobbit');
  assert.equal(film!.uniformTitle, 'Emma (Motion picture : 2020)');
});
