import type { Database } from 'better-sqlite3';
import type { CatalogueRecord } from '../../model/record.js';
import { RESULT_WINDOW, type FacetField, type SortOrder, type StoreSearchQuery, type StoreSearchResult } from '../../model/search-query.js';
import { createFacetCounter, emptyFacets, type PersistCounts } from './facets.js';
import type { FacetIndexOptions } from './facet-index.js';
import { FTS_COLUMNS } from '../search-columns.js';
import { toMatchExpression, toMatchPlan, type MatchPlan } from './fts-query.js';
import { PhraseScores, scoredRows } from './phrase-scores.js';
import { createStatementCache } from './statement-cache.js';
import { HitCache, type CachedHits } from './search-cache.js';
import { TopHits } from './search-ranking.js';

/** ORDER BY per sort; the browse forms match the expression indexes in schema.ts. Ties go by id so pages are stable. */
const ORDER_BY: Record<Exclude<SortOrder, 'relevance'>, string> = {
  newest: 'r.year IS NULL, r.year DESC, r.id',
  oldest: 'r.year IS NULL, r.year, r.id',
  title: 'r.sort_title, r.id',
  author: 'r.sort_author, r.id',
};
const BM25 = `bm25(records_fts, ${FTS_COLUMNS.map((c) => c.weight).join(', ')})`;

type Groups = Array<[FacetField, string[]]>;

/**
 * A search's result with its records still as the JSON text they are stored
 * as: what a search worker sends back. Strings cross between threads as one
 * copy, where structured cloning 100 parsed records (a page of works) cost
 * the serving thread 1.4 ms to take in, and the worker 0.8 ms to parse and
 * 0.7 ms to send; parsing them on arrival costs 0.8 ms.
 */
export type EngineResult = Omit<StoreSearchResult, 'records'> & { docs: string[] };

/** The result as the store answers it: its records parsed. */
export function withRecords({ docs, ...result }: EngineResult): StoreSearchResult {
  return { ...result, records: docs.map((doc) => JSON.parse(doc) as CatalogueRecord) };
}

/** How many hits past the k-th rankTop reads, so a group tied at the cut-off is usually read whole. */
const TIE_SLACK = 64;

/** Filters grouped by field: values of one field OR, fields AND. */
function groupFilters(filters: StoreSearchQuery['filters']): Groups {
  const groups = new Map<FacetField, Set<string>>();
  for (const { field, value } of filters) groups.set(field, (groups.get(field) ?? new Set()).add(value));
  return [...groups].map(([field, values]) => [field, [...values].sort()] as [FacetField, string[]]).sort((a, b) => (a[0] < b[0] ? -1 : 1));
}

/** The page of a result window: at most RESULT_WINDOW deep, however far a caller asks. */
function windowOf(query: StoreSearchQuery): { offset: number; limit: number } {
  const offset = Math.min(RESULT_WINDOW, Math.max(0, Math.trunc(query.offset)));
  const limit = Math.min(RESULT_WINDOW - offset, Math.max(0, Math.trunc(query.limit)));
  return { offset, limit };
}

/**
 * The embedded search, synchronous: run on a search worker (search-worker.ts)
 * or, for an in-memory store, on the caller's thread.
 *
 * A text search ranked by relevance never writes its hits anywhere: it reads
 * (rowid, bm25) from FTS5 once, keeps the best `offset + limit` in a bounded
 * heap, and counts facets over the rowids in memory. The hits of recent
 * searches are kept per catalogue version (HitCache), so a repeated search or
 * its next page reads no postings at all. Other sorts, and filter-only
 * browsing, go through a temp table joined to the sort key's index.
 */
export function createSearchEngine(db: Database, persist: PersistCounts, indexOptions: FacetIndexOptions = {}) {
  db.exec('CREATE TEMP TABLE IF NOT EXISTS hits (rid INTEGER PRIMARY KEY, rank REAL NOT NULL)');
  const prepared = createStatementCache(db);
  const facets = createFacetCounter(db, persist, indexOptions);
  const cache = new HitCache();
  const phrases = new PhraseScores(db, BM25);
  const clearHits = db.prepare('DELETE FROM hits');
  const insertHits = db.prepare<[string]>('INSERT INTO hits (rid, rank) SELECT value, 0 FROM json_each(?)');
  const allRowids = db.prepare<[], number>('SELECT rowid FROM records').pluck();
  const countAll = db.prepare<[], number>('SELECT count(*) FROM records').pluck();
  const docsByRowid = db.prepare<[string], [number, string]>('SELECT rowid, doc FROM records WHERE rowid IN (SELECT value FROM json_each(?))').raw();
  const idsByRowid = db.prepare<[string], [number, string]>('SELECT rowid, id FROM records WHERE rowid IN (SELECT value FROM json_each(?))').raw();

  const matchRids = db.prepare<[string], number>('SELECT rowid FROM records_fts WHERE records_fts MATCH ?').pluck();
  const scored = db.prepare<[string], [number, number]>(`SELECT rowid, ${BM25} FROM records_fts WHERE records_fts MATCH ?`).raw();
  const topByRank = db.prepare<[string, number], [number, number]>(
    `SELECT rowid, ${BM25} AS rank FROM records_fts WHERE records_fts MATCH ? ORDER BY rank LIMIT ?`,
  ).raw();

  /** Hits in rank order, ties by record id (as the other sorts and the MongoDB adapter order them): the first `k`. */
  function inOrder(hits: Array<[number, number]>, k: number): Int32Array {
    const ids = new Map(idsByRowid.all(JSON.stringify(hits.map(([rid]) => rid))));
    hits.sort((a, b) => a[1] - b[1] || (ids.get(a[0])! < ids.get(b[0])! ? -1 : 1));
    return Int32Array.from(hits.slice(0, k), ([rid]) => rid);
  }

  /**
   * The best `k` of `hits` (every match of `match`, or those of them a filter
   * kept), without bringing every score into JavaScript when it can: SQLite's
   * own top `limit` by bm25 over the matches, filtered here, is enough when it
   * holds k kept hits and the whole group tied with the k-th (ties go by record
   * id, so all of it must be seen). The limit is sized by the share of matches
   * the filter kept. Otherwise, one pass over every score with a bounded heap.
   * The commonest word at 100k: 30 ms for the rowids + 120 ms for SQLite's top
   * 100, against 420 ms for every score in JavaScript.
   */
  function rankTop(match: string, matches: number, hits: Int32Array, k: number): Int32Array {
    if (hits.length === 0 || k === 0) return new Int32Array(0);
    let mask: Uint8Array | null = null;
    if (hits.length < matches) {
      mask = new Uint8Array(hits.reduce((max, rid) => Math.max(max, rid), 0) + 1);
      for (const rid of hits) mask[rid] = 1;
    }
    const keep = (rid: number) => mask === null || mask[rid] === 1;
    const want = k + TIE_SLACK;
    const limit = Math.ceil(((want * matches) / hits.length) * 1.5);
    if (hits.length > want && limit <= matches / 2) {
      const rows = topByRank.all(match, limit);
      const kept = rows.filter(([rid]) => keep(rid));
      if (kept.length >= k) {
        const boundary = kept[k - 1]![1];
        if (rows.length < limit || rows[rows.length - 1]![1] > boundary) return inOrder(kept.filter(([, rank]) => rank <= boundary), k);
      }
    }
    return rankOnePass(match, keep, k);
  }

  /** One pass over every match's score from FTS5, the kept ones collected for bestOf. */
  function rankOnePass(match: string, keep: (rid: number) => boolean, k: number): Int32Array {
    const { rids, ranks } = scoredRows(scored.iterate(match), keep);
    return bestOf(rids, ranks, k);
  }

  /**
   * The best `k` of scored hits, kept in a bounded heap. The heap keeps ties
   * by rowid, so the hits tied with its worst kept rank are all looked at
   * again by id: only that group, never every hit.
   */
  function bestOf(rids: Int32Array, ranks: Float64Array, k: number): Int32Array {
    if (rids.length === 0 || k === 0) return new Int32Array(0);
    const top = new TopHits(k);
    for (let i = 0; i < rids.length; i++) top.offer(ranks[i]!, rids[i]!);
    let chosen: Array<[number, number]> = top.entries().map((e) => [e.rid, e.rank]);
    if (top.full && rids.length > k) {
      const boundary = top.boundary;
      chosen = chosen.filter(([, rank]) => rank < boundary);
      for (let i = 0; i < rids.length; i++) if (ranks[i] === boundary) chosen.push([rids[i]!, boundary]);
    }
    return inOrder(chosen, k);
  }

  /** The ranks of `kept`, a subsequence of `scored.rids`. */
  function ranksOf(scored: { rids: Int32Array; ranks: Float64Array }, kept: Int32Array): Float64Array {
    if (kept.length === scored.rids.length) return scored.ranks;
    const out = new Float64Array(kept.length);
    for (let i = 0, j = 0; i < kept.length; i++) {
      while (scored.rids[j] !== kept[i]) j++;
      out[i] = scored.ranks[j]!;
    }
    return out;
  }

  /** Hits without those holding any excluded value, from the facet index. */
  const without = (rids: Int32Array, excluded: Groups) => (excluded.length === 0 ? rids : facets.without(rids, excluded));

  function docsIn(rowids: Int32Array): string[] {
    if (rowids.length === 0) return [];
    const byRowid = new Map(docsByRowid.all(JSON.stringify(Array.from(rowids))));
    return Array.from(rowids, (rid) => byRowid.get(rid)!);
  }

  /** A filter is applied to the matches here, from the facet index. */
  const kept = (matches: Int32Array, groups: Groups, excluded: Groups) => without(groups.length === 0 ? matches : facets.filter(matches, groups), excluded);

  /** Every match's rowid from FTS5, unscored: ranked later, and only as deep as a page needs. */
  function matchedHits(match: string, groups: Groups, excluded: Groups, version: string): CachedHits {
    const matches = Int32Array.from(matchRids.all(match));
    const rids = kept(matches, groups, excluded);
    return { version, matches: matches.length, total: rids.length, rids, ranked: new Int32Array(0), facets: new Map() };
  }

  /** Every match with its rank, from the phrases' kept lists (phrase-scores.ts). */
  function scoredHits(plan: MatchPlan, groups: Groups, excluded: Groups, version: string): CachedHits {
    const scored = phrases.score(plan, version);
    const rids = kept(scored.rids, groups, excluded);
    return { version, matches: scored.rids.length, total: rids.length, rids, ranks: ranksOf(scored, rids), ranked: new Int32Array(0), facets: new Map() };
  }

  function byRelevance(match: string, plan: MatchPlan | null, groups: Groups, excluded: Groups, query: StoreSearchQuery, offset: number, limit: number): EngineResult {
    const key = `${match}\u0000${JSON.stringify(groups)}\u0000${JSON.stringify(excluded)}`;
    const version = facets.version();
    // A page of nothing (a count only) ranks nothing; a later page ranks on the rowids already read.
    const need = limit === 0 ? 0 : Math.min(RESULT_WINDOW, Math.max(offset + limit, 100));
    let entry = cache.get(key, version);
    if (!entry || (entry.ranked.length < need && entry.ranked.length < entry.total)) {
      // A count (need 0: the facet adds, the search log's count) ranks nothing, so it reads no list it does not have.
      const byPhrase = plan !== null && (need > 0 ? phrases.worthIt(plan, version) : phrases.kept(plan, version));
      entry ??= byPhrase ? scoredHits(plan, groups, excluded, version) : matchedHits(match, groups, excluded, version);
      entry.ranked = entry.ranks ? bestOf(entry.rids, entry.ranks, need) : rankTop(match, entry.matches, entry.rids, need);
      cache.set(key, entry);
    }
    let counted = entry.facets.get(query.facetLimit);
    if (!counted) {
      counted = entry.total === 0 ? emptyFacets() : facets.forRids(entry.rids, query.facetLimit);
      entry.facets.set(query.facetLimit, counted);
    }
    return { total: entry.total, docs: docsIn(entry.ranked.subarray(offset, offset + limit)), facets: structuredClone(counted) };
  }

  /**
   * The hits of a search in another order than relevance, or of a browse with filters, into the temp
   * table the sort joins on: matches from FTS5 (no bm25: they are ordered by a sort key), filtered by
   * the facet index, as relevance filters them; a browse starts from every record the filter holds.
   */
  function fillHits(match: string | null, groups: Groups, excluded: Groups): Int32Array {
    let rids: Int32Array;
    if (match !== null) rids = kept(Int32Array.from(matchRids.all(match)), groups, excluded);
    else rids = without(groups.length > 0 ? facets.holding(groups) : Int32Array.from(allRowids.all()), excluded);
    clearHits.run();
    insertHits.run(JSON.stringify(Array.from(rids)));
    return rids;
  }

  const search = db.transaction((query: StoreSearchQuery): EngineResult => {
    const { offset, limit } = windowOf(query);
    const groups = groupFilters(query.filters);
    const excluded = groupFilters(query.exclude ?? []);
    const match = query.clauses.length > 0 ? toMatchExpression(query.clauses) : null;
    if (query.clauses.length > 0 && match === null) return { total: 0, docs: [], facets: emptyFacets() };
    if (match !== null && query.sort === 'relevance') return byRelevance(match, toMatchPlan(query.clauses), groups, excluded, query, offset, limit);
    const orderBy = ORDER_BY[query.sort as keyof typeof ORDER_BY] ?? ORDER_BY.newest;
    if (match === null && groups.length === 0 && excluded.length === 0) {
      const docs = limit === 0 ? [] : prepared(`SELECT doc FROM records r ORDER BY ${orderBy} LIMIT ? OFFSET ?`).pluck().all(limit, offset) as string[];
      return { total: countAll.get()!, docs, facets: facets.forAll(query.facetLimit) };
    }
    const hits = fillHits(match, groups, excluded);
    const total = hits.length;
    const docs = limit === 0 ? [] : prepared(`SELECT r.doc FROM hits h JOIN records r ON r.rowid = h.rid ORDER BY ${orderBy} LIMIT ? OFFSET ?`).pluck().all(limit, offset) as string[];
    return { total, docs, facets: total === 0 ? emptyFacets() : facets.forRids(hits, query.facetLimit) };
  });
  /** Load the facet index now (from its snapshot, or built), so the first search that counts facets need not. */
  const warm = db.transaction(() => {
    facets.warm();
  });
  return Object.assign(search, { warm });
}
