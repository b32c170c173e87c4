import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseLeniently, parseRecord } from '../../src/import/record-schema.js';

// parseRecord tries the whole schema first and walks field by field only when
// the schema refuses a record or the walk would warn. Both must give the same
// record and the same warnings: this compares them on the demo catalogue and
// on one variant of a record for each thing the walk mends or warns about.

const DEMO = JSON.parse(readFileSync(new URL('../../seed/demo-catalogue.json', import.meta.url), 'utf8')) as Array<Record<string, unknown>>;

const BASE = {
  id: 'v1', title: 'Small Island', authors: ['Levy, Andrea'], mediaType: 'book', languages: ['eng'], isbns: ['0-7553-0750-X'], year: 2004,
  holdings: [{ itemId: 'i1', branch: 'Central Library', shelfmark: 'F LEV', status: 'on-loan', dueDate: '2026-12-24' }],
};
const copy = (changes: Record<string, unknown>) => ({ ...BASE, ...changes });
const holding = (changes: Record<string, unknown>) => copy({ holdings: [{ ...BASE.holdings[0], ...changes }] });

const VARIANTS: Record<string, Record<string, unknown>> = {
  'valid as it is': BASE,
  'text to trim and normalise': copy({ title: '  Cafe\u0301 society  ', authors: [' Levy, Andrea '] }),
  'no media type': copy({ mediaType: undefined }),
  'a null media type': copy({ mediaType: null }),
  'an unknown media type': copy({ mediaType: 'scroll' }),
  'an unknown field': copy({ shelf: 'A1' }),
  'fields named like Object\'s own': copy(JSON.parse('{"constructor":1,"toString":"x","__proto__":2}') as Record<string, unknown>),
  'a null field': copy({ publisher: null }),
  'a bad language': copy({ languages: ['en', 'eng'] }),
  'a bad ISBN': copy({ isbns: ['0-7553-0750-X', '123'] }),
  'a duplicate ISBN': copy({ isbns: ['0-7553-0750-X', '075530750X'] }),
  'a year out of range': copy({ year: 30_000 }),
  'an author that is not text': copy({ authors: ['Levy, Andrea', 7] }),
  'authors that are not an array': copy({ authors: 'Levy, Andrea' }),
  'a link that is not http': copy({ links: [{ url: 'ftp://example.org/a' }, { url: 'https://example.org/b', label: 'B' }] }),
  'a copy with no item id': holding({ itemId: '' }),
  'a copy with an unknown status': holding({ status: 'lost' }),
  'a copy with a bad due date': holding({ dueDate: '24/12/2026' }),
  'a copy with no branch': holding({ branch: undefined }),
  'a copy with a blank branch': holding({ branch: '  ' }),
  'a copy with no branch but a location': holding({ branch: undefined, location: 'Store room' }),
  'a copy with a branch that is not text': holding({ branch: 4 }),
  'a copy that is not an object': copy({ holdings: ['i1'] }),
  'no title': copy({ title: ' ' }),
  'no id': copy({ id: undefined }),
};

test('parseRecord gives what the field-by-field walk gives, for every demo record', () => {
  assert.ok(DEMO.length > 100);
  for (const record of DEMO) assert.deepEqual(parseRecord(record), parseLeniently(record), String(record.id));
});

test('parseRecord gives what the field-by-field walk gives, for each thing the walk mends or warns about', () => {
  for (const [name, raw] of Object.entries(VARIANTS)) {
    // As JSON.parse would give it: no undefined values.
    const record = JSON.parse(JSON.stringify(raw)) as Record<string, unknown>;
    assert.deepEqual(parseRecord(record), parseLeniently(record), name);
  }
});

/** The variants the walk takes without a word (a null field is left out, a missing item id made up); every other one is warned about or refused. */
const QUIET = ['valid as it is', 'text to trim and normalise', 'a null field', 'a copy with no item id', 'a duplicate ISBN', 'a copy with no branch but a location'];

test('the variants reach both paths: the quiet ones give no warnings, the others a warning or a refusal', () => {
  const quiet = (name: string) => {
    const parsed = parseRecord(JSON.parse(JSON.stringify(VARIANTS[name])) as Record<string, unknown>);
    return parsed.ok && parsed.warnings.length === 0;
  };
  for (const name of Object.keys(VARIANTS)) assert.equal(quiet(name), QUIET.includes(name), name);
});
