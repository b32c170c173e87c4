import { test } from 'node:test';
import assert from 'node:assert/strict';
import { iso6392 } from 'iso-639-2';
import { languageName } from '../../src/catalogue/labels.js';
import { freshStore } from '../import/helpers.js';

test('the codes a librarian found raw now have names', () => {
  const names = ['mao', 'smo', 'haw', 'ton', 'tib', 'geo', 'kan'].map(languageName);
  assert.deepEqual(names, ['Maori', 'Samoan', 'Hawaiian', 'Tongan', 'Tibetan', 'Georgian', 'Kannada']);
});

test('every code in the MARC / ISO 639-2/B list has a name, and discontinued MARC codes too', () => {
  for (const { iso6392B } of iso6392) assert.notEqual(languageName(iso6392B), iso6392B, iso6392B);
  assert.ok(iso6392.length > 480);
  assert.equal(languageName('scr'), 'Croatian');
  assert.equal(languageName('spa'), 'Spanish');
});

test('"No linguistic content", "Undetermined" and "Multiple languages" are never offered as languages to filter by', async (t) => {
  const { store } = await freshStore(t);
  await store.records.upsertMany([
    { id: 'silent', title: 'A silent film', authors: [], mediaType: 'dvd', languages: ['zxx'], isbns: [], series: [], subjects: [], genres: [], notes: [], holdings: [] },
    { id: 'haka', title: 'Haka', authors: [], mediaType: 'book', languages: ['mao', 'mul', 'und'], isbns: [], series: [], subjects: [], genres: [], notes: [], holdings: [] },
  ]);
  const result = await store.records.search({ clauses: [], filters: [], sort: 'relevance', offset: 0, limit: 0, facetLimit: 50 });
  assert.deepEqual(result.facets.language.map((f) => f.value), ['mao']);
});
