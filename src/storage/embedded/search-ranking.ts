/**
 * The best `k` hits by rank (lower is better, as bm25() scores), kept in a
 * bounded max-heap so a search that matches a million records holds k of
 * them, not all. Ties go to the lower rowid, so pages are stable.
 */
export class TopHits {
  private readonly ranks: Float64Array;
  private readonly rids: Int32Array;
  private size = 0;

  constructor(readonly k: number) {
    this.ranks = new Float64Array(Math.max(1, k));
    this.rids = new Int32Array(Math.max(1, k));
  }

  /** True when (a, ra) ranks after (b, rb): the worse of the two. */
  private worse(a: number, ra: number, b: number, rb: number): boolean {
    return a > b || (a === b && ra > rb);
  }

  offer(rank: number, rid: number): void {
    if (this.k === 0) return;
    if (this.size < this.k) {
      let i = this.size++;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (!this.worse(rank, rid, this.ranks[parent]!, this.rids[parent]!)) break;
        this.ranks[i] = this.ranks[parent]!;
        this.rids[i] = this.rids[parent]!;
        i = parent;
      }
      this.ranks[i] = rank;
      this.rids[i] = rid;
      return;
    }
    if (!this.worse(this.ranks[0]!, this.rids[0]!, rank, rid)) return;
    this.siftDown(rank, rid);
  }

  private siftDown(rank: number, rid: number): void {
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= this.size) break;
      const right = left + 1;
      const child = right < this.size && this.worse(this.ranks[right]!, this.rids[right]!, this.ranks[left]!, this.rids[left]!) ? right : left;
      if (!this.worse(this.ranks[child]!, this.rids[child]!, rank, rid)) break;
      this.ranks[i] = this.ranks[child]!;
      this.rids[i] = this.rids[child]!;
      i = child;
    }
    this.ranks[i] = rank;
    this.rids[i] = rid;
  }

  get full(): boolean {
    return this.size === this.k;
  }

  /** The worst rank kept. */
  get boundary(): number {
    return this.ranks[0]!;
  }

  /** The kept hits, in no particular order. */
  entries(): Array<{ rid: number; rank: number }> {
    return Array.from({ length: this.size }, (_, i) => ({ rid: this.rids[i]!, rank: this.ranks[i]! }));
  }
}
