import type { Db, Document, IndexDescription } from 'mongodb';
import { RECORD_INDEXES, type SearchEngine } from './record-store.js';
import { SESSION_INDEXES } from './session-document.js';
import { MEMBER_INDEXES } from './member-store.js';
import { LOGIN_ATTEMPT_INDEXES } from './login-attempt-store.js';
import { RESERVATION_INDEXES, reservationPlacesPipeline } from './reservation-store.js';
import { LOAN_INDEXES } from './loan-store.js';
import { AUDIT_INDEXES } from './audit-store.js';
import { SEARCH_LOG_INDEXES } from './search-log-store.js';
import { VISIT_INDEXES } from './visit-store.js';
import { LIST_INDEXES } from './list-store.js';
import { IMPORT_PROBLEM_INDEXES, IMPORT_RUN_INDEXES } from './import-run-store.js';
import { SEND_LIMIT_INDEXES } from './send-limit-store.js';
import { ATLAS_INDEX_DEFINITION, ATLAS_INDEX_NAME } from './search-atlas.js';

/** Every collection with the indexes it needs; a new collection adds one line here and one file beside it. */
export const WANTED_INDEXES: Record<string, IndexDescription[]> = {
  records: RECORD_INDEXES,
  sessions: SESSION_INDEXES,
  members: MEMBER_INDEXES,
  loginAttempts: LOGIN_ATTEMPT_INDEXES,
  reservations: RESERVATION_INDEXES,
  loans: LOAN_INDEXES,
  audit: AUDIT_INDEXES,
  searchLog: SEARCH_LOG_INDEXES,
  visits: VISIT_INDEXES,
  lists: LIST_INDEXES,
  importRuns: IMPORT_RUN_INDEXES,
  importProblems: IMPORT_PROBLEM_INDEXES,
  sendLimits: SEND_LIMIT_INDEXES,
};

/** What differs on one collection: indexes to build, and indexes to drop first because they are in the way. */
export interface IndexPlan {
  collection: string;
  build: IndexDescription[];
  /** Existing indexes (by name) with the wanted name or keys but other options: dropped, then built again. */
  drop: string[];
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
const isText = (index: IndexDescription) => Object.values(index.key).includes('text');

/**
 * Whether an index as listIndexes reports it is the one wanted. A text index
 * is listed with internal keys (`_fts`, `_ftsx`), so its fields are compared
 * through its weights; key order matters everywhere else.
 */
export function matches(existing: Document, wanted: IndexDescription): boolean {
  const keys = isText(wanted) ? same(existing.weights, wanted.weights) && existing.default_language === wanted.default_language : same(existing.key, wanted.key);
  return keys
    && Boolean(existing.unique) === Boolean(wanted.unique)
    && same(existing.partialFilterExpression, wanted.partialFilterExpression)
    && same(existing.expireAfterSeconds, wanted.expireAfterSeconds);
}

/** Compares listIndexes with the wanted set. Indexes nobody wants are left alone: dropping is a person's decision. */
export function planIndexes(collection: string, existing: Document[], wanted: IndexDescription[]): IndexPlan {
  const plan: IndexPlan = { collection, build: [], drop: [] };
  for (const index of wanted) {
    const byName = existing.find((e) => e.name === index.name);
    if (byName && matches(byName, index)) continue;
    // The same keys under another name, or another text index, make createIndexes fail: they go first.
    const inTheWay = existing.filter((e) => e.name !== '_id_' && (e === byName || (isText(index) ? e.key?._fts === 'text' : same(e.key, index.key))));
    plan.drop.push(...inTheWay.map((e) => e.name as string));
    plan.build.push(index);
  }
  return plan;
}

/** listIndexes, with a collection that does not exist yet having none. */
async function listIndexes(db: Db, name: string): Promise<Document[]> {
  try {
    return await db.collection(name).listIndexes().toArray();
  } catch (error) {
    if ((error as { codeName?: string }).codeName === 'NamespaceNotFound') return [];
    throw error;
  }
}

/** Every collection's plan; an empty list means the database is up to date. */
export async function pendingIndexes(db: Db): Promise<IndexPlan[]> {
  const plans = await Promise.all(Object.entries(WANTED_INDEXES).map(async ([name, wanted]) => planIndexes(name, await listIndexes(db, name), wanted)));
  return plans.filter((p) => p.build.length > 0);
}

/** The search index MONGODB_SEARCH=atlas needs: missing, different, or not yet queryable. */
export async function searchIndexState(db: Db): Promise<'missing' | 'different' | 'building' | 'ready'> {
  const [index] = (await db.collection('records').listSearchIndexes(ATLAS_INDEX_NAME).toArray()) as Document[];
  if (!index) return 'missing';
  if (!same(index.latestDefinition, ATLAS_INDEX_DEFINITION)) return 'different';
  return index.queryable ? 'ready' : 'building';
}

/** The server's refusal to start on a database whose indexes are not the ones this version needs. */
export class IndexesOutOfDate extends Error {
  override name = 'IndexesOutOfDate';
}

/**
 * The boot check: reads only, so any number of instances may start at once.
 * Building indexes is `npm run db:migrate`'s job, run once per deployment.
 */
export async function checkIndexes(db: Db, engine: SearchEngine): Promise<void> {
  const pending = await pendingIndexes(db);
  const missing = pending.flatMap((p) => p.build.map((i) => `${p.collection}.${i.name}`));
  if (engine === 'atlas') {
    const state = await searchIndexState(db);
    if (state !== 'ready') missing.push(`records search index ${ATLAS_INDEX_NAME} (${state})`);
  }
  if (missing.length > 0) {
    throw new IndexesOutOfDate(`The database's indexes are not the ones this version needs (${missing.join(', ')}). Run \`npm run db:migrate\` with the same MONGODB_URL, then start again.`);
  }
}

/**
 * Builds what differs, one index at a time, saying what it does. createIndexes
 * waits for the build; on a replica set it commits on every data-bearing
 * member. Running it twice is harmless: the second run finds nothing to do.
 */
export async function migrate(db: Db, engine: SearchEngine, say: (line: string) => void): Promise<number> {
  let changes = 0;
  for (const plan of await pendingIndexes(db)) {
    const collection = db.collection(plan.collection);
    for (const name of plan.drop) {
      say(`${plan.collection}: dropping ${name} (its definition changed)`);
      await collection.dropIndex(name);
    }
    for (const index of plan.build) {
      const started = Date.now();
      say(`${plan.collection}: building ${index.name}…`);
      const ticker = setInterval(() => void buildProgress(db).then((lines) => lines.forEach((l) => say(`  ${l}`))), 10_000);
      try {
        await collection.createIndexes([index]);
      } finally {
        clearInterval(ticker);
      }
      say(`${plan.collection}: built ${index.name} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      changes++;
    }
  }
  // Places for reservations made before places were kept; a member's document that exists is kept.
  await db.collection('reservations').aggregate(reservationPlacesPipeline()).toArray();
  // Reservations from before the queue (issue 18) all held a copy: they are in transit.
  await db.collection('reservations').updateMany({ stage: { $exists: false } }, { $set: { stage: 'in-transit' } });
  if (engine === 'atlas') {
    const records = db.collection('records');
    const state = await searchIndexState(db);
    if (state === 'missing') await records.createSearchIndex({ name: ATLAS_INDEX_NAME, definition: ATLAS_INDEX_DEFINITION });
    if (state === 'different') await records.updateSearchIndex(ATLAS_INDEX_NAME, ATLAS_INDEX_DEFINITION);
    if (state === 'missing' || state === 'different') changes++;
    // mongot builds in the background; the server may not start until the index answers queries.
    for (let now = await searchIndexState(db); now !== 'ready'; now = await searchIndexState(db)) {
      say(`records: search index ${ATLAS_INDEX_NAME} is ${now}…`);
      await new Promise((resolve) => setTimeout(resolve, 5000));
    }
    say(`records: search index ${ATLAS_INDEX_NAME} is ready`);
  }
  return changes;
}

/** What the server says about this user's index builds ("Index Build: scanning collection 120000/1000000 12%"); nothing if it will not say. */
async function buildProgress(db: Db): Promise<string[]> {
  try {
    const { inprog } = await db.admin().command({ currentOp: true, $ownOps: true, $or: [{ 'command.createIndexes': { $exists: true } }, { msg: /^Index Build/ }] });
    return (inprog as Document[]).flatMap((op) => (typeof op.msg === 'string' ? [op.msg] : []));
  } catch {
    return [];
  }
}
