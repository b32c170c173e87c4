import type { Database } from 'better-sqlite3';
import { emptyCounts, type ImportProblem, type ImportRun, type ImportRunStore } from '../import-run-store.js';

interface RunRow {
  id: string; file_name: string; size: number; format: ImportRun['format']; card: string; status: ImportRun['status'];
  counts: string; bytes_read: number; started_at: number; updated_at: number; finished_at: number | null; error: string | null;
}
interface ProblemRow {
  seq: number; kind: ImportProblem['kind']; record_number: number; byte_offset: number | null; line: number | null; record_id: string | null; reason: string;
}

const INTERRUPTED = 'The import stopped without finishing (the server was restarted or stopped). Run it again: records already imported count as unchanged.';

function toRun(r: RunRow): ImportRun {
  return {
    id: r.id, fileName: r.file_name, size: r.size, format: r.format, card: r.card, status: r.status,
    counts: JSON.parse(r.counts) as ImportRun['counts'], bytesRead: r.bytes_read, startedAt: r.started_at,
    updatedAt: r.updated_at, finishedAt: r.finished_at, error: r.error,
  };
}

function toProblem(r: ProblemRow): ImportProblem {
  return {
    seq: r.seq, kind: r.kind, recordNumber: r.record_number, reason: r.reason,
    ...(r.byte_offset !== null ? { byteOffset: r.byte_offset } : {}),
    ...(r.line !== null ? { line: r.line } : {}),
    ...(r.record_id !== null ? { recordId: r.record_id } : {}),
  };
}

/** Import runs as rows; the partial unique index on running rows makes the claim atomic across processes. */
export function createImportRunStore(db: Database): ImportRunStore {
  const stmt = {
    expire: db.prepare(`UPDATE import_runs SET status = 'failed', error = ?, finished_at = updated_at WHERE status = 'running' AND updated_at < ?`),
    insert: db.prepare(`INSERT INTO import_runs (id, file_name, size, format, card, status, counts, bytes_read, started_at, updated_at, finished_at, error)
      VALUES (?, ?, ?, NULL, ?, 'running', ?, 0, ?, ?, NULL, NULL) ON CONFLICT DO NOTHING`),
    progress: db.prepare(`UPDATE import_runs SET counts = ?, bytes_read = ?, format = ?, updated_at = ? WHERE id = ? AND status = 'running'`),
    finish: db.prepare(`UPDATE import_runs SET status = ?, counts = ?, error = ?, updated_at = ?, finished_at = ? WHERE id = ?`),
    get: db.prepare<[string], RunRow>('SELECT * FROM import_runs WHERE id = ?'),
    running: db.prepare<[], RunRow>(`SELECT * FROM import_runs WHERE status = 'running'`),
    recent: db.prepare<[number], RunRow>('SELECT * FROM import_runs ORDER BY started_at DESC, id LIMIT ?'),
    addProblem: db.prepare('INSERT OR IGNORE INTO import_problems VALUES (?, ?, ?, ?, ?, ?, ?, ?)'),
    problems: db.prepare<[string, number, number], ProblemRow>('SELECT * FROM import_problems WHERE run_id = ? ORDER BY seq LIMIT ? OFFSET ?'),
    problemsAfter: db.prepare<[string, number, number], ProblemRow>('SELECT * FROM import_problems WHERE run_id = ? AND seq > ? ORDER BY seq LIMIT ?'),
  };
  // IMMEDIATE: the stale check and the insert see the same state, even with another process claiming.
  const claim = db.transaction((run: Parameters<ImportRunStore['claim']>[0], staleBefore: number) => {
    stmt.expire.run(INTERRUPTED, staleBefore);
    return stmt.insert.run(run.id, run.fileName, run.size, run.card, JSON.stringify(emptyCounts()), run.startedAt, run.startedAt).changes === 1;
  });
  const addProblems = db.transaction((id: string, problems: ImportProblem[]) => {
    for (const p of problems) stmt.addProblem.run(id, p.seq, p.kind, p.recordNumber, p.byteOffset ?? null, p.line ?? null, p.recordId ?? null, p.reason);
  });
  return {
    async claim(run, staleBefore) {
      // The run in the way may finish between the insert and the read; then try again.
      for (;;) {
        if (claim.immediate(run, staleBefore)) return { claimed: true };
        const running = stmt.running.get();
        if (running) return { claimed: false, running: toRun(running) };
      }
    },
    async progress(id, { counts, bytesRead, format, now }) {
      stmt.progress.run(JSON.stringify(counts), bytesRead, format, now, id);
    },
    async addProblems(id, problems) {
      addProblems(id, problems);
    },
    async finish(id, { status, counts, error, now }) {
      stmt.finish.run(status, JSON.stringify(counts), error, now, now, id);
    },
    async get(id) {
      const row = stmt.get.get(id);
      return row ? toRun(row) : null;
    },
    async running() {
      const row = stmt.running.get();
      return row ? toRun(row) : null;
    },
    async recent(limit) {
      return stmt.recent.all(limit).map(toRun);
    },
    async problems(id, offset, limit) {
      return stmt.problems.all(id, limit, offset).map(toProblem);
    },
    async *exportProblems(id, batchSize = 5000) {
      for (let after = -Infinity; ;) {
        const rows = stmt.problemsAfter.all(id, after, batchSize);
        if (rows.length > 0) yield rows.map(toProblem);
        if (rows.length < batchSize) return;
        after = rows[rows.length - 1]!.seq;
      }
    },
  };
}
