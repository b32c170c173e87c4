import DatabaseConstructor, { type Database } from 'better-sqlite3';
import { FTS_COLUMNS, ftsValues } from '../search-columns.js';

/**
 * Migrations in order; migration i brings the schema to user_version i + 1.
 * Later issues (members, logs) append here and never edit a shipped one.
 * A migration never reads today's column lists: it writes the ones it had
 * when it shipped, so an old database upgrades the same way for ever.
 */

/** The full-text columns migrations 1 and 6 know, in table order (FTS_COLUMNS when they shipped). */
const FTS_COLUMNS_V1 = ['title', 'author', 'subject', 'series', 'isbn', 'notes', 'alt'] as const;
/**
 * The number of the migration that adds `search_log.kind` (issue 17): the
 * user_version a store has once it ran. Tests of that upgrade start just before
 * it; keep this in step if the migration is renumbered when branches merge.
 */
export const SEARCH_KIND_MIGRATION = 12;

/** FTS5's in-memory term buffer (its `hashsize`, 1 MB by default), set by migration 14: a 5,000-record import batch fits. */
const FTS_HASH_BYTES = 16 << 20;

const MIGRATIONS: Array<(db: Database) => void> = [
  (db) => {
    db.exec(`
      CREATE TABLE records (
        rowid INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        doc TEXT NOT NULL,
        hash TEXT NOT NULL,
        sort_title TEXT NOT NULL,
        sort_author TEXT NOT NULL,
        year INTEGER
      );
      -- The expressions match the ORDER BY clauses in search.ts exactly, so a browse reads the index in order.
      CREATE INDEX records_newest ON records (year IS NULL, year DESC, id);
      CREATE INDEX records_oldest ON records (year IS NULL, year, id);
      CREATE INDEX records_title ON records (sort_title, id);
      CREATE INDEX records_author ON records (sort_author, id);

      CREATE VIRTUAL TABLE records_fts USING fts5(
        ${FTS_COLUMNS_V1.join(', ')},
        content = '', contentless_delete = 1,
        tokenize = "unicode61 remove_diacritics 2"
      );

      -- One row per record and facet value: counts join on rid, filters look up (field, value).
      CREATE TABLE facets (
        rid INTEGER NOT NULL,
        field TEXT NOT NULL,
        value TEXT NOT NULL,
        PRIMARY KEY (rid, field, value)
      ) WITHOUT ROWID;
      CREATE INDEX facets_by_value ON facets (field, value, rid);

      -- Bumped with every catalogue change, so caches in any process know when they are stale.
      CREATE TABLE catalogue_version (one INTEGER PRIMARY KEY CHECK (one = 1), version INTEGER NOT NULL);
      INSERT INTO catalogue_version VALUES (1, 0);

      CREATE TABLE sessions (id TEXT PRIMARY KEY, data TEXT NOT NULL, expires_at INTEGER NOT NULL);
      CREATE INDEX sessions_expiry ON sessions (expires_at);

      CREATE TABLE basket_items (
        session_id TEXT NOT NULL,
        record_id TEXT NOT NULL,
        position INTEGER NOT NULL,
        PRIMARY KEY (session_id, record_id)
      ) WITHOUT ROWID;
      CREATE UNIQUE INDEX basket_items_order ON basket_items (session_id, position);
    `);
  },
  // 2: members, login throttling, reservations, demo loans, the audit and search logs (issue 5).
  (db) => {
    db.exec(`
      CREATE TABLE members (
        id TEXT PRIMARY KEY, card TEXT NOT NULL UNIQUE, pin_hash TEXT NOT NULL, name TEXT NOT NULL,
        email TEXT NOT NULL, home_branch TEXT NOT NULL, role TEXT NOT NULL, created_at INTEGER NOT NULL
      );
      CREATE TABLE login_attempts (
        key TEXT PRIMARY KEY, failures INTEGER NOT NULL, window_ends INTEGER NOT NULL, locked_until INTEGER
      ) WITHOUT ROWID;
      CREATE TABLE reservations (
        id TEXT PRIMARY KEY, member_id TEXT NOT NULL, record_id TEXT NOT NULL, item_id TEXT NOT NULL,
        pickup_branch TEXT NOT NULL, status TEXT NOT NULL, created_at INTEGER NOT NULL, cancelled_at INTEGER
      );
      -- One active hold per copy and per member and record: the last copy goes to one member only.
      CREATE UNIQUE INDEX reservations_item_active ON reservations (item_id) WHERE status = 'active';
      CREATE UNIQUE INDEX reservations_member_record_active ON reservations (member_id, record_id) WHERE status = 'active';
      CREATE INDEX reservations_member ON reservations (member_id, created_at);
      CREATE TABLE loans (
        member_id TEXT NOT NULL, record_id TEXT NOT NULL, item_id TEXT NOT NULL, title TEXT NOT NULL,
        loaned_at INTEGER NOT NULL, due_date TEXT NOT NULL, PRIMARY KEY (member_id, item_id)
      ) WITHOUT ROWID;
      CREATE TABLE audit_log (
        seq INTEGER PRIMARY KEY, at INTEGER NOT NULL, member_id TEXT, card TEXT NOT NULL, action TEXT NOT NULL, target TEXT NOT NULL
      );
      CREATE INDEX audit_log_at ON audit_log (at);
      CREATE INDEX audit_log_card ON audit_log (card, at);
      -- A random key and no rowid: not even insertion order can tie a search to a visit.
      CREATE TABLE search_log (
        id BLOB PRIMARY KEY, at INTEGER NOT NULL, query TEXT NOT NULL, filters TEXT NOT NULL, results INTEGER NOT NULL, page INTEGER NOT NULL
      ) WITHOUT ROWID;
      CREATE INDEX search_log_at ON search_log (at);
    `);
  },
  // 3: first-party analytics, anonymous visitor keys per day, only with consent (issue 7).
  (db) => {
    db.exec(`
      CREATE TABLE visits (day TEXT NOT NULL, visitor TEXT NOT NULL, PRIMARY KEY (day, visitor)) WITHOUT ROWID;
      CREATE INDEX visits_by_visitor ON visits (visitor, day);
    `);
  },
  // 4: members' saved lists (issue 6); the ids are a JSON array, since a list is read and written whole.
  (db) => {
    db.exec(`
      CREATE TABLE saved_lists (
        id TEXT PRIMARY KEY, owner_id TEXT NOT NULL, name TEXT NOT NULL, record_ids TEXT NOT NULL,
        created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL
      );
      CREATE INDEX saved_lists_owner ON saved_lists (owner_id, updated_at DESC);
    `);
  },
  // 5: imports started from the librarian console, with their rejects reports (issue 9).
  (db) => {
    db.exec(`
      CREATE TABLE import_runs (
        id TEXT PRIMARY KEY, file_name TEXT NOT NULL, size INTEGER NOT NULL, format TEXT, card TEXT NOT NULL,
        status TEXT NOT NULL, counts TEXT NOT NULL, bytes_read INTEGER NOT NULL,
        started_at INTEGER NOT NULL, updated_at INTEGER NOT NULL, finished_at INTEGER, error TEXT
      );
      -- At most one running import, whichever process or instance asks: the claim is this index.
      CREATE UNIQUE INDEX import_runs_one_running ON import_runs (status) WHERE status = 'running';
      CREATE INDEX import_runs_started ON import_runs (started_at DESC);
      CREATE TABLE import_problems (
        run_id TEXT NOT NULL, seq INTEGER NOT NULL, kind TEXT NOT NULL, record_number INTEGER NOT NULL,
        byte_offset INTEGER, line INTEGER, record_id TEXT, reason TEXT NOT NULL, PRIMARY KEY (run_id, seq)
      ) WITHOUT ROWID;
    `);
  },
  // 6: re-index the full text, now that letters like Ł, Ø and ß are folded to their plain spelling.
  (db) => {
    const insert = db.prepare(`INSERT INTO records_fts (rowid, ${FTS_COLUMNS_V1.join(', ')}) VALUES (?, ${FTS_COLUMNS_V1.map(() => '?').join(', ')})`);
    // Today's text for each of the columns the table had then, matched by name, however the list grows.
    const frozenValues = (doc: string) => {
      const values = ftsValues(JSON.parse(doc));
      const byName = new Map<string, string | undefined>(FTS_COLUMNS.map((column, i) => [column.name, values[i]]));
      return FTS_COLUMNS_V1.map((name) => byName.get(name) ?? '');
    };
    db.exec(`INSERT INTO records_fts (records_fts) VALUES ('delete-all')`);
    // In pages: better-sqlite3 cannot write while a read is still iterating, and the catalogue may be large.
    const page = db.prepare('SELECT rowid, doc FROM records WHERE rowid > ? ORDER BY rowid LIMIT 1000');
    for (let after = 0, rows = page.all(after) as Array<{ rowid: number; doc: string }>; rows.length > 0; rows = page.all(after) as typeof rows) {
      for (const row of rows) insert.run(row.rowid, ...frozenValues(row.doc));
      after = rows[rows.length - 1]!.rowid;
    }
  },
  // 7: what the in-memory facet index needs to follow changes: the version that last wrote each
  // record, and a generation that moves when the catalogue is emptied (facet-index.ts).
  (db) => {
    db.exec(`
      ALTER TABLE records ADD COLUMN changed INTEGER NOT NULL DEFAULT 0;
      CREATE INDEX records_changed ON records (changed);
      ALTER TABLE catalogue_version ADD COLUMN generation INTEGER NOT NULL DEFAULT 0;
    `);
  },
  // 8: whole-catalogue facet counts, kept per catalogue version so a restart need not count them again (facets.ts).
  (db) => {
    db.exec('CREATE TABLE facet_counts (version TEXT PRIMARY KEY, counts TEXT NOT NULL) WITHOUT ROWID');
  },
  // 9: limits on basket emails that hold across visits (issue 13): one counter per key and window.
  (db) => {
    db.exec('CREATE TABLE send_limits (key TEXT PRIMARY KEY, used INTEGER NOT NULL, window_ends INTEGER NOT NULL) WITHOUT ROWID');
  },
  // 10: a daily-salted visit key per search, so demand lists can drop queries seen from fewer than
  // three visits (issue 14). Older rows share the empty key: they count as one visit together.
  (db) => {
    const columns = db.prepare<[], { name: string }>('PRAGMA table_info(search_log)').all();
    if (!columns.some((c) => c.name === 'visit')) db.exec(`ALTER TABLE search_log ADD COLUMN visit TEXT NOT NULL DEFAULT ''`);
  },
  // 11: reservations that queue (issue 18). A waiting hold has no copy yet, so item_id may be null
  // (a unique index allows many nulls); the stage, the queue order and the hold-shelf dates are added.
  // SQLite cannot drop NOT NULL, so the table is copied, rows in their order.
  (db) => {
    db.exec(`
      CREATE TABLE reservations_v11 (
        id TEXT PRIMARY KEY, member_id TEXT NOT NULL, record_id TEXT NOT NULL, item_id TEXT,
        pickup_branch TEXT NOT NULL, status TEXT NOT NULL, stage TEXT NOT NULL, created_at INTEGER NOT NULL,
        cancelled_at INTEGER, ready_until INTEGER, ended_at INTEGER, queue_seq INTEGER
      );
      INSERT INTO reservations_v11 (id, member_id, record_id, item_id, pickup_branch, status, stage, created_at, cancelled_at)
        SELECT id, member_id, record_id, item_id, pickup_branch, status, 'in-transit', created_at, cancelled_at FROM reservations ORDER BY rowid;
      DROP TABLE reservations;
      ALTER TABLE reservations_v11 RENAME TO reservations;
      CREATE UNIQUE INDEX reservations_item_active ON reservations (item_id) WHERE status = 'active';
      CREATE UNIQUE INDEX reservations_member_record_active ON reservations (member_id, record_id) WHERE status = 'active';
      CREATE INDEX reservations_member ON reservations (member_id, created_at);
      CREATE INDEX reservations_record_active ON reservations (record_id, queue_seq) WHERE status = 'active';
      CREATE INDEX reservations_stage ON reservations (stage, created_at) WHERE status = 'active';
    `);
  },
  // 12 (SEARCH_KIND_MIGRATION): what kind of search an entry is (issue 17): `typed`, or `facet` for a ticked value, which the
  // demand report does not count as a search. Older rows cannot be told apart and stay `typed`.
  (db) => {
    const columns = db.prepare<[], { name: string }>('PRAGMA table_info(search_log)').all();
    if (!columns.some((c) => c.name === 'kind')) db.exec(`ALTER TABLE search_log ADD COLUMN kind TEXT NOT NULL DEFAULT 'typed'`);
  },
  // 13: librarians disable and re-enable cards in the console (issue 20); NULL means active.
  // The name index serves the console's member list, ordered by name (binary, as MongoDB sorts).
  // Like 10, safe to run again on a store that has the column (a store put back to an older version).
  (db) => {
    const columns = db.prepare<[], { name: string }>('PRAGMA table_info(members)').all();
    if (!columns.some((c) => c.name === 'disabled_at')) db.exec('ALTER TABLE members ADD COLUMN disabled_at INTEGER');
    db.exec('CREATE INDEX IF NOT EXISTS members_name ON members (name, card)');
  },
  // 14: FTS5 keeps the words of a transaction in memory up to FTS_HASH_BYTES, not 1 MB, before writing
  // them out as a segment: an import batch becomes one segment, not dozens that are then merged again
  // (on the bench's 100k catalogue, the full-text inserts took half the time). A setting, not a schema change.
  (db) => {
    db.exec(`INSERT INTO records_fts (records_fts, rank) VALUES ('hashsize', ${FTS_HASH_BYTES})`);
  },
  // 15: a record's facet values move from a table of their own (seven rows a record, and an index
  // on them) to one column of the record, "field<US>value" pairs joined by <RS>, the form the facet
  // index reads (facet-index.ts). Searches filter and count from that index. On the bench's 100k
  // catalogue the rows and their index took 35 of the store's 121 MB, and a fifth of an import's time.
  // `changed` is left alone: the values are the same, so a facet index snapshot still holds.
  // Like 10, safe to run again on a store that has the column (a store put back to an older version).
  (db) => {
    const columns = db.prepare<[], { name: string }>('PRAGMA table_info(records)').all();
    if (!columns.some((c) => c.name === 'facet_pairs')) db.exec(`ALTER TABLE records ADD COLUMN facet_pairs TEXT NOT NULL DEFAULT ''`);
    if (db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'facets'`).get() === undefined) return;
    db.exec(`
      UPDATE records SET facet_pairs = coalesce(
        (SELECT group_concat(field || char(31) || value, char(30)) FROM facets WHERE rid = records.rowid), '');
      DROP TABLE facets;
    `);
  },
];

/**
 * The secondary indexes an import into an empty catalogue drops and builds
 * again at its end (record-writes.ts): one sort per index then costs less
 * than keeping each in order row by row. They are the indexes migrations 1
 * and 7 create, word for word; a migration that changes one changes it here.
 */
export const DEFERRABLE_INDEXES: ReadonlyArray<{ name: string; columns: string }> = [
  { name: 'records_newest', columns: 'records (year IS NULL, year DESC, id)' },
  { name: 'records_oldest', columns: 'records (year IS NULL, year, id)' },
  { name: 'records_title', columns: 'records (sort_title, id)' },
  { name: 'records_author', columns: 'records (sort_author, id)' },
  { name: 'records_changed', columns: 'records (changed)' },
];

/** Build whichever deferrable indexes are missing: after a bulk load, or when a process died during one. */
export function ensureIndexes(db: Database): void {
  for (const { name, columns } of DEFERRABLE_INDEXES) db.exec(`CREATE INDEX IF NOT EXISTS ${name} ON ${columns}`);
}

/**
 * Build the missing deferrable indexes (at the end of a bulk load, or on
 * opening a store whose bulk load was killed), on a connection of their own set for sorts too big for memory: SQLite's sorter
 * spilling to temporary files, and merging on a second thread. Building
 * the index on a million records' 7 million facet rows (until migration 15)
 * took 41 s and 750 MB held in memory (temp_store MEMORY, which suits
 * queries), 26 s and 180 MB spilled, 19 s and 310 MB spilled on two threads. A connection of
 * their own because temp_store cannot change on one that holds temporary
 * tables (the search engine's) without dropping them. The files go where
 * SQLITE_TMPDIR (else TMPDIR, else /var/tmp or /tmp) says: a few hundred MB
 * at a million records. An in-memory store has no file to open twice.
 * The sorter's memory is kept small so that it uses that second thread (BUILD_CACHE_KIB).
 */
/**
 * How much of the file the index builds map: a 100k catalogue whole. The
 * mapped pages count in the process's resident memory while they are read;
 * mapping a million records' 977 MB file took the import's peak from about
 * 700 MB to 1.24 GB, for 9.8 s of index builds against 10.7 s.
 */
const MMAP_BYTES = 256 << 20;

/**
 * The index builds' page cache, which is also how much their sorter holds in
 * memory before it writes a sorted run (at least 250 pages: 4 MB at 16 KiB).
 * Runs are what the sorter's helper threads (`threads`) take: with 64 MB, a
 * million records' keys (about 40 MB an index) sorted in memory on the one
 * thread; with 4 MB, about ten runs are sorted on the second core while the
 * table is still being read. The five builds of the 1M store: 3.9 and 4.5 s
 * against 7.8 and 8.1 (CPU 6.1 and 6.9 s against 7.5 and 7.8). A 100k store's
 * keys are about one run: 0.42-0.55 s either way.
 */
const BUILD_CACHE_KIB = 4096;

export function buildDeferredIndexes(db: Database): void {
  const present = new Set(db.prepare<[], string>(`SELECT name FROM sqlite_master WHERE type = 'index'`).pluck().all());
  if (DEFERRABLE_INDEXES.every(({ name }) => present.has(name))) return;
  if (db.memory) {
    db.transaction(() => ensureIndexes(db)).immediate();
    return;
  }
  const own = new DatabaseConstructor(db.name, { fileMustExist: true });
  try {
    configure(own);
    own.pragma('temp_store = FILE');
    own.pragma('threads = 2');
    own.pragma(`cache_size = -${BUILD_CACHE_KIB}`);
    // Each build reads the whole table: through a memory map rather than a read() call per page
    // (rebuilding the five record indexes of the 100k store: 0.99 s against 1.4 s, a third of it system time),
    // as far as MMAP_BYTES.
    own.pragma(`mmap_size = ${MMAP_BYTES}`);
    own.transaction(() => ensureIndexes(own)).immediate();
  } finally {
    own.close();
  }
}

/**
 * The page size of a new store's file (SQLite's default is 4 KiB). A 100k
 * MARC21 import writes about a quarter as many pages to the log and to the
 * file, each one system call: its system time fell by a sixth and its wall
 * time by about 8 % (whole process, ten runs in turn: wall 0.917, CPU 0.967),
 * and the file is 9 % smaller (151 MB against 166: a record's row, about 1.6
 * KB with its document, wastes less of a larger page). Searches cost the same
 * (bench/search-cost.ts). A store created before keeps the size it has:
 * SQLite changes it only by rewriting the file, and not at all in WAL mode.
 */
export const PAGE_BYTES = 16_384;

/** Connection settings that let several processes on one machine share the file. */
export function configure(db: Database): void {
  // First, so that even switching to WAL waits for a process that holds the lock.
  db.pragma('busy_timeout = 5000');
  // Before anything is written: a new file takes it, one that exists keeps its own.
  db.pragma(`page_size = ${PAGE_BYTES}`);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  // Temporary sort tables in memory, and a 64 MB page cache (a negative cache_size is in KiB).
  db.pragma('temp_store = MEMORY');
  db.pragma('cache_size = -65536');
}

/** Brings the schema up to date; safe when several processes start at once. */
export function migrate(db: Database): void {
  // IMMEDIATE takes the write lock first, so a second process waits and then sees the new version.
  db.transaction(() => {
    const current = db.pragma('user_version', { simple: true }) as number;
    for (let v = current; v < MIGRATIONS.length; v++) MIGRATIONS[v]!(db);
    if (current < MIGRATIONS.length) db.pragma(`user_version = ${MIGRATIONS.length}`);
  }).immediate();
}
