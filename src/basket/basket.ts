import type { Store } from '../storage/store.js';
import { VisitEnded } from '../http/errors.js';

/** What happened to each id of one add; nothing is silently dropped. */
export interface AddOutcome {
  added: string[];
  alreadyIn: string[];
  /** Not added because the basket is full. */
  full: string[];
  /** Not in the catalogue. */
  unknown: string[];
  /** Titles of the records that were found, for the status message. */
  titles: Map<string, string>;
}

/**
 * The media basket of one visit: record ids only, at most `limit` of them,
 * changed atomically in the store one id at a time.
 */
export class Basket {
  constructor(
    private readonly store: Pick<Store, 'records' | 'baskets'>,
    private readonly sessionId: string,
    readonly limit: number,
    /** The time at which a visit begun before this request must still be live (see sessionLiveAt); undefined for a new one. */
    private readonly liveAt?: number,
  ) {}

  /**
   * Adds known records in order; `expiresAt` is when the visit ends if nothing else happens.
   * Throws VisitEnded when the visit ended (logout in another tab) while this add was on its way.
   */
  async add(ids: string[], expiresAt: number): Promise<AddOutcome> {
    const wanted = [...new Set(ids)];
    const titles = new Map((await this.store.records.getMany(wanted)).map((r) => [r.id, r.title]));
    const unknown = wanted.filter((id) => !titles.has(id));
    const { ended, ...result } = await this.store.baskets.add(this.sessionId, wanted.filter((id) => titles.has(id)), this.limit, expiresAt, this.liveAt);
    if (ended) throw new VisitEnded();
    return { ...result, unknown, titles };
  }

  async remove(ids: string[]): Promise<number> {
    return this.store.baskets.remove(this.sessionId, [...new Set(ids)]);
  }

  async clear(): Promise<void> {
    await this.store.baskets.clear(this.sessionId);
  }

  async ids(): Promise<string[]> {
    return this.store.baskets.list(this.sessionId);
  }

  async count(): Promise<number> {
    return this.store.baskets.count(this.sessionId);
  }
}
