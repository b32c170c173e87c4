import type { Database, Statement } from 'better-sqlite3';
import type { MatchPlan } from './fts-query.js';

/** Every record holding one FTS5 phrase, in rowid order, with what the phrase adds to its bm25() score. */
export interface PhraseList {
  rids: Int32Array;
  /** bm25() of the record under this phrase alone, negated: its share of any score it is part of. */
  shares: Float64Array;
}

/** A search's matches in rowid order, each with its bm25() rank (lower is better, as bm25() ranks). */
export interface Scored {
  rids: Int32Array;
  ranks: Float64Array;
}

function sortedUnion(a: Int32Array, b: Int32Array): Int32Array {
  const out = new Int32Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      out[n++] = x;
      i++;
      j++;
    } else if (x < y) {
      out[n++] = x;
      i++;
    } else {
      out[n++] = y;
      j++;
    }
  }
  while (i < a.length) out[n++] = a[i++]!;
  while (j < b.length) out[n++] = b[j++]!;
  return out.subarray(0, n);
}

/** The rowids in both, stepping through the longer by galloping search, so a rare word ANDed with a common one costs its own length. */
function sortedIntersection(small: Int32Array, large: Int32Array): Int32Array {
  const out = new Int32Array(small.length);
  let n = 0;
  let lo = 0;
  for (let i = 0; i < small.length && lo < large.length; i++) {
    const x = small[i]!;
    let step = 1;
    let hi = lo;
    while (hi < large.length && large[hi]! < x) {
      lo = hi + 1;
      hi += step;
      step *= 2;
    }
    hi = Math.min(hi, large.length);
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (large[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    if (lo < large.length && large[lo] === x) out[n++] = x;
  }
  return out.subarray(0, n);
}

/** (rowid, rank) rows, those `keep` accepts, gathered into typed arrays. */
export function scoredRows(rows: Iterable<[number, number]>, keep: (rid: number) => boolean = () => true): Scored {
  let rids = new Int32Array(1024);
  let ranks = new Float64Array(1024);
  let n = 0;
  for (const [rid, rank] of rows) {
    if (!keep(rid)) continue;
    if (n === rids.length) {
      const grownRids = new Int32Array(n * 2);
      grownRids.set(rids);
      rids = grownRids;
      const grownRanks = new Float64Array(n * 2);
      grownRanks.set(ranks);
      ranks = grownRanks;
    }
    rids[n] = rid;
    ranks[n++] = rank;
  }
  return { rids: rids.slice(0, n), ranks: ranks.slice(0, n) };
}

/** Phrases remembered as searched for, at most. */
const MAX_SEEN = 100_000;

function phrasesOf(plan: MatchPlan, out: string[] = []): string[] {
  if ('phrase' in plan) out.push(plan.phrase);
  else for (const child of 'all' in plan ? plan.all : plan.any) phrasesOf(child, out);
  return out;
}

/**
 * Relevance without FTS5 scoring every match of every search. bm25() costs
 * FTS5 microseconds a match (about 1.1 s for the commonest word of a million
 * records), and every search holding that word paid it again. Here a
 * phrase's matches and scores are read from FTS5 once per catalogue version
 * (on its second search, see worthIt) and kept; a search is then merges and
 * sums over typed arrays. Refining "the" at a million records, facet click
 * by facet click (bench/refine-cost.ts): from the third search on, 38-177 ms
 * of CPU each against 202-826.
 * The ranks come out identical to FTS5's own: bm25() sums one figure per
 * phrase of the expression, in the order the expression names them, and
 * that figure depends only on the phrase and the record, so the same sums in
 * the same order give the same doubles (test/storage/embedded-phrase-scores.test.ts
 * checks this against FTS5).
 *
 * Lists are kept least recently used first out, bounded by postings held
 * (12 bytes each: 72 MB a search worker at most).
 */
export class PhraseScores {
  private readonly lists = new Map<string, PhraseList>();
  /** Phrases searched for at this version, kept or not: a list is read on a phrase's second search. */
  private readonly seen = new Set<string>();
  private held = 0;
  private version = '';
  /** Scores being summed, by rowid: zeroed again after each search. */
  private sums = new Float64Array(0);
  private readonly read: Statement<[string], [number, number]>;

  constructor(db: Database, bm25: string, private readonly maxPostings = 6_000_000) {
    // FTS5 returns a full-text query's rows in rowid order (checked as they come, all the same).
    this.read = db.prepare<[string], [number, number]>(`SELECT rowid, ${bm25} FROM records_fts WHERE records_fts MATCH ?`).raw();
  }

  /** The list for one phrase at this catalogue version. */
  private list(phrase: string): PhraseList {
    const kept = this.lists.get(phrase);
    if (kept) {
      this.lists.delete(phrase);
      this.lists.set(phrase, kept);
      return kept;
    }
    const read = scoredRows(this.read.iterate(phrase));
    const n = read.rids.length;
    const list = { rids: read.rids, shares: read.ranks.map((rank) => -rank) };
    if (!list.rids.every((rid, i) => i === 0 || rid > list.rids[i - 1]!)) {
      const order = Array.from(list.rids.keys()).sort((a, b) => read.rids[a]! - read.rids[b]!);
      list.rids = Int32Array.from(order, (i) => read.rids[i]!);
      list.shares = Float64Array.from(order, (i) => -read.ranks[i]!);
    }
    if (n <= this.maxPostings / 4) {
      this.lists.set(phrase, list);
      this.held += n;
      for (const [key, old] of this.lists) {
        if (this.held <= this.maxPostings) break;
        this.lists.delete(key);
        this.held -= old.rids.length;
      }
    }
    return list;
  }

  private matches(plan: MatchPlan): Int32Array {
    if ('phrase' in plan) return this.list(plan.phrase).rids;
    if ('any' in plan) return plan.any.map((p) => this.matches(p)).reduce(sortedUnion);
    const parts = plan.all.map((p) => this.matches(p)).sort((a, b) => a.length - b.length);
    return parts.reduce((acc, part) => sortedIntersection(acc, part));
  }

  private at(version: string): void {
    if (version === this.version) return;
    this.lists.clear();
    this.seen.clear();
    this.held = 0;
    this.version = version;
  }

  /**
   * Whether to score this search by phrase. Reading a phrase's list costs
   * about twice what FTS5 takes to rank its matches once (every score has to
   * come into JavaScript), so a list is read only for a phrase searched for
   * before at this version, as a cache admits only what is asked for twice:
   * a word searched for once costs what it did. And an AND is scored by
   * phrase only once every list is kept: reading a common word's whole list
   * to AND it with a rare one would cost far more than FTS5, which scores
   * only the records holding both.
   */
  worthIt(plan: MatchPlan, version: string): boolean {
    if (this.kept(plan, version)) return true;
    const phrases = phrasesOf(plan);
    const anded = (p: MatchPlan): boolean => 'all' in p || ('any' in p && p.any.some(anded));
    const again = phrases.every((phrase) => this.seen.has(phrase));
    for (const phrase of phrases) {
      if (this.seen.size >= MAX_SEEN) this.seen.delete(this.seen.values().next().value!);
      this.seen.add(phrase);
    }
    return again && !anded(plan);
  }

  /** Whether every list the plan needs is kept: a count needs no ranks, so it uses lists only then. */
  kept(plan: MatchPlan, version: string): boolean {
    this.at(version);
    return phrasesOf(plan).every((phrase) => this.lists.has(phrase));
  }

  /** Every match of the plan, with its rank, at catalogue version `version`. */
  score(plan: MatchPlan, version: string): Scored {
    this.at(version);
    const rids = this.matches(plan);
    const phrases = phrasesOf(plan);
    const lists = phrases.map((p) => this.list(p));
    const top = lists.reduce((max, l) => Math.max(max, l.rids.length ? l.rids[l.rids.length - 1]! : 0), 0);
    if (this.sums.length <= top) this.sums = new Float64Array(Math.max(top + 1, this.sums.length * 2));
    const sums = this.sums;
    // In the expression's order, as bm25() adds them.
    for (const { rids: r, shares } of lists) for (let i = 0; i < r.length; i++) sums[r[i]!]! += shares[i]!;
    const ranks = new Float64Array(rids.length);
    for (let i = 0; i < rids.length; i++) ranks[i] = -sums[rids[i]!]!;
    for (const { rids: r } of lists) for (let i = 0; i < r.length; i++) sums[r[i]!] = 0;
    return { rids, ranks };
  }
}
