/** One limit on something the site does for visitors (sending a basket email): at most `max` in a window. */
export interface SendLimit {
  /** What is counted, e.g. "mail-to:<hash>": never an address in the clear. */
  key: string;
  max: number;
  /** A window starts at the first use after the last one ended, and lasts this long. */
  windowMs: number;
}

/**
 * Counters for limits that must hold across visits, processes and parallel
 * requests: a client that drops its cookie, or sends ten at once, gets no
 * more than one that waits its turn.
 */
export interface SendLimitStore {
  /**
   * Takes one use from every limit, atomically: either all are counted, or
   * none is and the first limit already used up is returned. Null when taken.
   */
  take(limits: SendLimit[], now: number): Promise<SendLimit | null>;
  /** Delete counters whose window ended before `now`; returns how many. */
  purgeExpired(now: number): Promise<number>;
}
