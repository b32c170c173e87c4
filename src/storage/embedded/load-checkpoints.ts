import type { Database } from 'better-sqlite3';

/**
 * How far a load lets the write-ahead log grow before the connection copies
 * it back into the database file (a checkpoint), in pages: 8,000 of 16 KiB,
 * 128 MB, where SQLite's default is 1,000. A load rewrites the same pages
 * again and again (the full-text index's segments as they merge, the upper
 * levels of every tree), and each checkpoint copies what changed since the
 * last and waits for the disk twice. A 1M MARC21 import's commits took
 * 9.3–11.3 s of its writing thread, 3.9–4.3 of them on the CPU; with this,
 * 7.2–7.8 s and 3.2–3.6, and the whole import 0.93 of the time (0.89–0.96,
 * four pairs in turn). At 100k, 1.01 (0.97–1.08, ten pairs): what its
 * commits no longer wait for, the checkpoint at its end does.
 */
export const LOAD_CHECKPOINT_PAGES = 8_000;

/**
 * Widen the connection's automatic checkpoints for a load. The function it
 * returns puts them back and checkpoints what the load left in the log, on
 * the loading connection: the index builds after a first load then read
 * the table from the file (through its memory map) rather than from the
 * log, and no later commit, perhaps one on the thread serving pages, is
 * left to copy up to 128 MB. A connection whose checkpoints a thread of
 * their own makes (wal_autocheckpoint 0: index.ts) is left as it is.
 */
export function widenCheckpoints(db: Database): () => void {
  const before = db.pragma('wal_autocheckpoint', { simple: true }) as number;
  if (db.memory || before === 0) return () => {};
  db.pragma(`wal_autocheckpoint = ${LOAD_CHECKPOINT_PAGES}`);
  return () => {
    // Unless it was changed meanwhile (the checkpoint thread failing hands them back: index.ts).
    if (db.pragma('wal_autocheckpoint', { simple: true }) === LOAD_CHECKPOINT_PAGES) db.pragma(`wal_autocheckpoint = ${before}`);
    db.pragma('wal_checkpoint(PASSIVE)');
  };
}
