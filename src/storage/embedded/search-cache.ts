import type { FacetCount, FacetField } from '../../model/search-query.js';

type Facets = Record<FacetField, FacetCount[]>;

/** One text search's hits at one catalogue version: every rowid (for facets), and the best ones in order. */
export interface CachedHits {
  version: string;
  /** Records the words matched before any filter. */
  matches: number;
  total: number;
  rids: Int32Array;
  ranked: Int32Array;
  facets: Map<number, Facets>;
}

/**
 * Recent searches' hits, least recently used out first, bounded by the rowids
 * held (4 bytes each), the way Solr's queryResultCache keeps repeated searches
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
      this.held -= entry.rids.length;
      return undefined;
    }
    this.entries.set(key, entry);
    return entry;
  }

  set(key: string, entry: CachedHits): void {
    const old = this.entries.get(key);
    if (old) {
      this.held -= old.rids.length;
      this.entries.delete(key);
    }
    if (entry.rids.length > this.maxRids / 4) return;
    this.entries.set(key, entry);
    this.held += entry.rids.length;
    for (const [k, e] of this.entries) {
      if (this.held <= this.maxRids) break;
      this.entries.delete(k);
      this.held -= e.rids.length;
    }
  }
}
