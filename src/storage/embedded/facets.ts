import type { Database } from 'better-sqlite3';
import { FACET_FIELDS, type FacetCount, type FacetField } from '../../catalogue/search-query.js';
import { FacetIndex } from './facet-index.js';

type Facets = Record<FacetField, FacetCount[]>;

/** Every facet field present, in display order, even when it has no values. */
export function emptyFacets(): Facets {
  return Object.fromEntries(FACET_FIELDS.map((f) => [f, []])) as unknown as Facets;
}

/** Keep `top` sorted (count down, then value) and at most `limit` long while adding one candidate. */
function offer(top: FacetCount[], candidate: FacetCount, limit: number): void {
  const better = (a: FacetCount, b: FacetCount) => a.count > b.count || (a.count === b.count && a.value < b.value);
  if (top.length === limit && !better(candidate, top[limit - 1]!)) return;
  let i = Math.min(top.length, limit - 1);
  top[i] = candidate;
  while (i > 0 && better(top[i]!, top[i - 1]!)) {
    [top[i - 1], top[i]] = [top[i]!, top[i - 1]!];
    i--;
  }
}

/**
 * Facet counts over the current match set (the temp table `hits`) or over the
 * whole catalogue, counted in memory by the FacetIndex. The whole-catalogue
 * counts are what every browse shows, so they are kept until the catalogue
 * version moves. Callers run inside the search's read transaction, so the
 * index, the hits and the version all agree.
 */
export function createFacetCounter(db: Database) {
  const index = new FacetIndex(db);
  const hitRids = db.prepare<[], number>('SELECT rid FROM hits').pluck();
  let cached: { version: number; limit: number; facets: Facets } | null = null;

  function top(rids: Iterable<number>, limit: number): Facets {
    const facets = emptyFacets();
    const lists = FACET_FIELDS.map((field) => facets[field]);
    index.count(rids, (id, count) => {
      const list = lists[index.valueField[id]!];
      if (list) offer(list, { value: index.valueText[id]!, count }, limit);
    });
    return facets;
  }

  return {
    forHits(limit: number, hits: number): Facets {
      if (limit <= 0 || hits === 0) return emptyFacets();
      index.refresh();
      return top(hitRids.all(), limit);
    },
    forAll(limit: number): Facets {
      if (limit <= 0) return emptyFacets();
      const version = index.refresh();
      if (!cached || cached.version !== version || cached.limit !== limit) {
        cached = { version, limit, facets: top(index.allRids(), limit) };
      }
      return structuredClone(cached.facets);
    },
  };
}
