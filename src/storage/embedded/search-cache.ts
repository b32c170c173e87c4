import type { FacetCount, FacetField } from '../../model/search-query.js';

type Facets = Record<FacetField, FacetCount[]>;

/** One text search's hits at one catalogue version: every rowid (for facets), and the best ones in order. */
export interface CachedHits {
  version: string;
  /** Records the words matched before any filter. */
  matches: number;
  total: number;
  rids: Int32Array;
  /** Each hit's rank, beside `rids`, when the search was scored phrase by phrase (phrase-scores.ts). */
  ranks?: Float64Array;
  ranked: Int32Array;
  facets: Map<number, Facets>;
}

const size = (entry: CachedHits) => entry.rids.length * (entry.ranks ? 3 : 1);

/**
 * Recent searches' hits, least recently used out first, bounded by the rowids
 * held (4 bytes each; a rank beside one counts as two more), the way Solr's queryResultCache keeps repeated searches
 * from matching and ranking again. Entries from an older catalogue version are
 * never returned.
 */
export class HitCache {
  private readonly entries = new Map<string, CachedHits>();
  private held = 0;

  constructor(private readonly maxRids = 8_000_000) {}

  get(key: string, version: string): CachedHits | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    if (entry.version !== version) {
      this.held -= size(entry);
      return undefined;
    }
    this.entries.set(key, entry);
    return entry;
  }

  set(key: string, entry: CachedHits): void {
    const old = this.entries.get(key);
    if (old) {
      this.held -= size(old);
      this.entries.delete(key);
    }
    // Too big with its ranks, it is kept without them: its page is ranked, and a deeper one is ranked again.
    if (size(entry) > this.maxRids / 4 && entry.ranks) delete entry.ranks;
    if (size(entry) > this.maxRids / 4) return;
    this.entries.set(key, entry);
    this.held += size(entry);
    for (const [k, e] of this.entries) {
      if (this.held <= this.maxRids) break;
      this.entries.delete(k);
      this.held -= size(e);
    }
  }
}
