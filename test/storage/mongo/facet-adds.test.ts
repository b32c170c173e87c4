import assert from 'node:assert/strict';
import fs from 'node:fs';
import { describe, it } from 'node:test';
import type { CatalogueRecord } from '../../../src/model/record.js';
import { SearchState } from '../../../src/catalogue/search-state.js';
import { searchCatalogue } from '../../../src/catalogue/search-service.js';
import { FACET_FIELDS } from '../../../src/model/search-query.js';
import { DEMO_CATALOGUE_PATH } from '../../../src/import/demo.js';
import { createRecordStore } from '../../../src/storage/mongo/record-store.js';
import { catalogueDb } from './evaluate.js';

// A part of the demo catalogue: mingo scans every document for every search.
const demo = (JSON.parse(fs.readFileSync(DEMO_CATALOGUE_PATH, 'utf8')) as CatalogueRecord[]).slice(0, 150);

/**
 * The catalogue's multi-select counts on the MongoDB adapter, its filters and
 * pipelines run through mingo: every value offered, once ticked, gives the
 * total its count promised (the HTTP test checks the same on the embedded store).
 */
describe('multi-select facet counts on the MongoDB adapter, evaluated in memory', () => {
  const records = createRecordStore(catalogueDb(demo).db);
  const STATES = ['f=branch:Central+Library', 'q=the&f=mediaType:book&f=mediaType:ebook&f=language:eng'];

  for (const query of STATES) {
    it(`every value offered for ${query} gives what its count says`, async () => {
      const state = SearchState.parse(new URLSearchParams(query));
      const result = await searchCatalogue(records, state);
      let checked = 0;
      for (const field of FACET_FIELDS) {
        const ticked = state.valuesOf(field);
        // A field with nothing ticked counts the results; one with a value ticked, what each other value adds.
        const offered = ticked.length === 0 ? result.facets[field] : result.adds[field] ?? [];
        for (const { value, count } of offered) {
          const after = await searchCatalogue(records, state.withFilter(field, value));
          assert.equal(after.total, ticked.length === 0 ? count : result.total + count, `${field}:${value}`);
          checked++;
        }
      }
      assert.ok(checked > 15, `checked ${checked} values`);
    });
  }
});
