import { ReadPreference, type CollectionOptions, type IndexDescription } from 'mongodb';
import type { SessionData } from '../store.js';

/**
 * One document per session in `sessions`. The basket lives on the same
 * document, so it is changed atomically with the session's own updates and
 * dies with it: by `destroy`, by `purgeExpired`, or by the TTL monitor.
 */
export interface SessionDocument {
  _id: string;
  data: SessionData;
  expiresAt: Date;
  basket?: string[];
}

/** The TTL monitor deletes a session once `expiresAt` has passed (it runs about once a minute). */
export const SESSION_INDEXES: IndexDescription[] = [{ name: 'sessions_ttl', key: { expiresAt: 1 }, expireAfterSeconds: 0 }];

/**
 * Sessions and baskets are read from the primary whatever `readPreference`
 * the URL sets: a secondary may lag, and a visitor must see the item they
 * have just added.
 */
export const PRIMARY: CollectionOptions = { readPreference: ReadPreference.primary };
