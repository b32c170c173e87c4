import type { Database } from 'better-sqlite3';
import { FACET_FIELDS, type FacetCount, type FacetField } from '../../catalogue/search-query.js';

type Facets = Record<FacetField, FacetCount[]>;
interface FacetRow { field: FacetField; value: string; n: number }

/** Top values per field, most frequent first, ties by value, over the rows `source` yields. */
function topValuesSql(source: string): string {
  return `SELECT field, value, n FROM (
      SELECT f.field AS field, f.value AS value, count(*) AS n,
             row_number() OVER (PARTITION BY f.field ORDER BY count(*) DESC, f.value) AS rank
      FROM ${source} GROUP BY f.field, f.value)
    WHERE rank <= ? ORDER BY field, rank`;
}

/** Every facet field present, in display order, even when it has no values. */
export function emptyFacets(): Facets {
  return Object.fromEntries(FACET_FIELDS.map((f) => [f, []])) as unknown as Facets;
}

function toFacets(rows: FacetRow[]): Facets {
  const facets = emptyFacets();
  for (const row of rows) facets[row.field]?.push({ value: row.value, count: row.n });
  return facets;
}

/**
 * Facet counts over the current match set (the temp table `hits`) or over
 * the whole catalogue. The whole-catalogue counts are what every browse shows
 * and cost a scan of all facet rows, so they are cached until the catalogue
 * version moves (bumped by any process that writes records).
 */
export function createFacetCounter(db: Database) {
  // Few hits: look up each hit's facet rows. Many hits: one pass over the (field, value) index,
  // probing hits, which also yields the groups already in order. SQLite has no statistics on
  // the temp table to choose between them, so the caller's hit count decides.
  const overFewHits = db.prepare<[number], FacetRow>(topValuesSql('hits h CROSS JOIN facets f ON f.rid = h.rid'));
  const overManyHits = db.prepare<[number], FacetRow>(
    topValuesSql('facets f INDEXED BY facets_by_value WHERE f.rid IN (SELECT rid FROM hits)'));
  const overAll = db.prepare<[number], FacetRow>(topValuesSql('facets f'));
  const version = db.prepare<[], number>('SELECT version FROM catalogue_version').pluck();
  let cached: { version: number; limit: number; facets: Facets } | null = null;

  return {
    forHits(limit: number, hits: number, catalogueSize: number): Facets {
      if (limit <= 0 || hits === 0) return emptyFacets();
      return toFacets((hits * 8 < catalogueSize ? overFewHits : overManyHits).all(limit));
    },
    forAll(limit: number): Facets {
      if (limit <= 0) return emptyFacets();
      const now = version.get()!;
      if (!cached || cached.version !== now || cached.limit !== limit) {
        cached = { version: now, limit, facets: toFacets(overAll.all(limit)) };
      }
      return structuredClone(cached.facets);
    },
  };
}
