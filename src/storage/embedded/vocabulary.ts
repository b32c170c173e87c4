import type { Database } from 'better-sqlite3';
import type { VocabularyTerm } from '../store.js';

/** Reads one range of the catalogue's vocabulary: terms from `prefix`, at most `limit`, with the records holding each. */
export type VocabularyReader = (prefix: string, limit: number) => VocabularyTerm[];

/**
 * The vocabulary through fts5vocab over the index: a temp table of this
 * connection (read-only ones included), so no migration, and always current.
 * fts5vocab counts each term's records by reading its postings, so a range
 * costs: 250 ms for the words of one first letter at a million records.
 * That is why the store reads ranges on a search worker and keeps them per
 * catalogue version (records.ts).
 */
export function vocabularyReader(db: Database): VocabularyReader {
  db.exec('CREATE VIRTUAL TABLE IF NOT EXISTS temp.records_vocab USING fts5vocab(main, records_fts, row)');
  const range = db.prepare<[string, string, number], VocabularyTerm>(
    'SELECT term, doc AS docs FROM temp.records_vocab WHERE term >= ? AND term < ? ORDER BY term LIMIT ?');
  // Every term starting with the prefix sorts between it and the prefix with U+10FFFF appended.
  return (prefix, limit) => range.all(prefix, `${prefix}\u{10FFFF}`, limit);
}
