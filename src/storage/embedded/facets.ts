import type { Database } from 'better-sqlite3';
import { FACET_FIELDS, type FacetCount, type FacetField } from '../../model/search-query.js';
import { FacetIndex, type FacetIndexOptions } from './facet-index.js';

type Facets = Record<FacetField, FacetCount[]>;

/** Every facet field present, in display order, even when it has no values. */
export function emptyFacets(): Facets {
  return Object.fromEntries(FACET_FIELDS.map((f) => [f, []])) as unknown as Facets;
}

const better = (a: FacetCount, b: FacetCount) => a.count > b.count || (a.count === b.count && a.value < b.value);

/** Keep `top` sorted (count down, then value) and at most `limit` long while adding one candidate. */
function offer(top: FacetCount[], candidate: FacetCount, limit: number): void {
  if (top.length === limit && !better(candidate, top[limit - 1]!)) return;
  let i = Math.min(top.length, limit - 1);
  top[i] = candidate;
  while (i > 0 && better(top[i]!, top[i - 1]!)) {
    [top[i - 1], top[i]] = [top[i]!, top[i - 1]!];
    i--;
  }
}

/** The first `limit` values of each field of full, sorted counts. */
function sliced(all: Facets, limit: number): Facets {
  return Object.fromEntries(FACET_FIELDS.map((f) => [f, all[f].slice(0, limit).map((c) => ({ ...c }))])) as unknown as Facets;
}

/** Called with whole-catalogue counts worth keeping for the next start (the connection that counted may be read-only). */
export type PersistCounts = (version: string, counts: string) => void;

/**
 * Facet counts over a set of hits, counted in memory by the FacetIndex, or over
 * the whole catalogue. The whole-catalogue counts are what every browse, the
 * pickup branches and the console overview show: they are taken once per
 * catalogue version from the FacetIndex's totals, kept in full so every facet
 * limit is a slice of the same entry, and persisted in `facet_counts` so the
 * next start reads them instead of loading the index for its first page.
 * Callers run inside the search's read transaction, so all of it agrees.
 */
export function createFacetCounter(db: Database, persist: PersistCounts, indexOptions: FacetIndexOptions = {}, index = new FacetIndex(db, indexOptions)) {
  const stateSql = db.prepare<[], { version: number; generation: number }>('SELECT version, generation FROM catalogue_version');
  const storedSql = db.prepare<[string], string>('SELECT counts FROM facet_counts WHERE version = ?').pluck();
  let whole: { version: string; facets: Facets } | null = null;

  function countAll(): Facets {
    const facets = emptyFacets();
    const lists = FACET_FIELDS.map((field) => facets[field]);
    index.refresh();
    index.countAll((id, count) => lists[index.valueField[id]!]?.push({ value: index.valueText[id]!, count }));
    for (const list of lists) list.sort((a, b) => (better(a, b) ? -1 : better(b, a) ? 1 : 0));
    return facets;
  }

  return {
    /** The catalogue version as this transaction sees it: "generation:version". */
    version(): string {
      const state = stateSql.get()!;
      return `${state.generation}:${state.version}`;
    },
    forRids(rids: ArrayLike<number>, limit: number): Facets {
      const facets = emptyFacets();
      if (limit <= 0) return facets;
      index.refresh();
      const lists = FACET_FIELDS.map((field) => facets[field]);
      index.count(rids, (id, count) => {
        const list = lists[index.valueField[id]!];
        if (list) offer(list, { value: index.valueText[id]!, count }, limit);
      });
      return facets;
    },
    warm(): void {
      index.refresh();
    },
    /** Those of `rids` holding, in every group, one of its values (values of one field OR, fields AND). */
    filter(rids: ArrayLike<number>, groups: Array<[FacetField, string[]]>): Int32Array {
      index.refresh();
      return index.filter(rids, groups);
    },
    /** Those of `rids` holding none of the values of `groups`. */
    without(rids: ArrayLike<number>, groups: Array<[FacetField, string[]]>): Int32Array {
      index.refresh();
      return index.without(rids, groups);
    },
    /** Every record holding, in every group, one of its values, in rowid order. */
    holding(groups: Array<[FacetField, string[]]>): Int32Array {
      index.refresh();
      return index.filter(index.allRids(), groups);
    },
    forAll(limit: number): Facets {
      if (limit <= 0) return emptyFacets();
      const version = this.version();
      if (whole?.version !== version) {
        const stored = storedSql.get(version);
        if (stored !== undefined) whole = { version, facets: JSON.parse(stored) as Facets };
        else {
          whole = { version, facets: countAll() };
          persist(version, JSON.stringify(whole.facets));
        }
      }
      return sliced(whole.facets, limit);
    },
  };
}

/**
 * After a catalogue is loaded from empty, what the first start would
 * otherwise work out before its first page (seconds at a million records) is
 * worked out by the import instead: the whole-catalogue counts, persisted for
 * the version the load ends at. They are counted from the facet index the
 * load followed (`followed`, its snapshot already written), or else from one
 * loaded from the records, its snapshot written for the first start.
 */
export function prepareFirstStart(db: Database, snapshotFile: string | null, followed: FacetIndex | null = null): void {
  createFacetCounter(db, persistCountsIn(db), { snapshotFile }, followed ?? undefined).forAll(1);
}

/** Keep the counts of one version only: older versions can never be asked for again. */
export function persistCountsIn(db: Database): PersistCounts {
  const save = db.transaction((version: string, counts: string) => {
    db.prepare('DELETE FROM facet_counts WHERE version <> ?').run(version);
    db.prepare('INSERT OR REPLACE INTO facet_counts (version, counts) VALUES (?, ?)').run(version, counts);
  });
  return (version, counts) => save.immediate(version, counts);
}
