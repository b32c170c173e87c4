import type { Database } from 'better-sqlite3';

/** Stored documents by record id, as JSON text: the same two statements on the serving connection and on the record reader's (record-reader.ts). */
export interface RecordReads {
  /** The documents of those ids that exist, by id. */
  docs(ids: readonly string[]): Map<string, string>;
}

export function recordReads(db: Database): RecordReads {
  const byId = db.prepare<[string], string>('SELECT doc FROM records WHERE id = ?').pluck();
  const byIds = db.prepare<[string], [string, string]>('SELECT id, doc FROM records WHERE id IN (SELECT value FROM json_each(?))').raw();
  return {
    docs(ids) {
      if (ids.length === 1) {
        const doc = byId.get(ids[0]!);
        return new Map(doc === undefined ? [] : [[ids[0]!, doc]]);
      }
      return new Map(ids.length === 0 ? [] : byIds.all(JSON.stringify(ids)));
    },
  };
}
