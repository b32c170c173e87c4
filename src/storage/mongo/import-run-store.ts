import { MongoServerError, type Db, type IndexDescription } from 'mongodb';
import { emptyCounts, type ImportProblem, type ImportRun, type ImportRunStore } from '../import-run-store.js';

type Time = 'startedAt' | 'updatedAt' | 'finishedAt';
/** One document per run, `_id` the run id, times as Dates like every other collection. */
type RunDocument = Omit<ImportRun, 'id' | Time> & { _id: string; startedAt: Date; updatedAt: Date; finishedAt: Date | null };
type ProblemDocument = ImportProblem & { runId: string };

const INTERRUPTED = 'The import stopped without finishing (the server was restarted or stopped). Run it again: records already imported count as unchanged.';

export const IMPORT_RUN_INDEXES: IndexDescription[] = [
  // At most one running import across every instance: the claim is this index.
  { name: 'import_runs_one_running', key: { status: 1 }, unique: true, partialFilterExpression: { status: 'running' } },
  { name: 'import_runs_started', key: { startedAt: -1 } },
];
export const IMPORT_PROBLEM_INDEXES: IndexDescription[] = [{ name: 'import_problems_run_seq', key: { runId: 1, seq: 1 }, unique: true }];

function toRun({ _id, startedAt, updatedAt, finishedAt, ...rest }: RunDocument): ImportRun {
  return { id: _id, ...rest, startedAt: startedAt.getTime(), updatedAt: updatedAt.getTime(), finishedAt: finishedAt?.getTime() ?? null };
}

const isDuplicateKey = (error: unknown) => error instanceof MongoServerError && error.code === 11000;

/** Import runs on MongoDB: the partial unique index refuses a second running run, whichever instance inserts it. */
export function createImportRunStore(db: Db): ImportRunStore {
  const runs = db.collection<RunDocument>('importRuns');
  const problems = db.collection<ProblemDocument>('importProblems');
  const store: ImportRunStore = {
    async claim(run, staleBefore) {
      await runs.updateMany(
        { status: 'running', updatedAt: { $lt: new Date(staleBefore) } },
        [{ $set: { status: 'failed', error: INTERRUPTED, finishedAt: '$updatedAt' } }],
      );
      const at = new Date(run.startedAt);
      try {
        await runs.insertOne({
          _id: run.id, fileName: run.fileName, size: run.size, format: null, card: run.card, status: 'running',
          counts: emptyCounts(), bytesRead: 0, startedAt: at, updatedAt: at, finishedAt: null, error: null,
        });
        return { claimed: true };
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
      }
      const running = await store.running();
      // The run in the way may have finished since the insert failed; then try again.
      return running ? { claimed: false, running } : store.claim(run, staleBefore);
    },
    async progress(id, { counts, bytesRead, format, now }) {
      await runs.updateOne({ _id: id, status: 'running' }, { $set: { counts, bytesRead, format, updatedAt: new Date(now) } });
    },
    async addProblems(id, list) {
      if (!list.length) return;
      try {
        await problems.insertMany(list.map((p) => ({ ...p, runId: id })), { ordered: false });
      } catch (error) {
        // A line written twice (a retried batch) is already there: the report stays whole.
        if (!isDuplicateKey(error)) throw error;
      }
    },
    async finish(id, { status, counts, error, now }) {
      await runs.updateOne({ _id: id }, { $set: { status, counts, error, updatedAt: new Date(now), finishedAt: new Date(now) } });
    },
    async get(id) {
      const doc = await runs.findOne({ _id: id });
      return doc ? toRun(doc) : null;
    },
    async running() {
      const doc = await runs.findOne({ status: 'running' });
      return doc ? toRun(doc) : null;
    },
    async recent(limit) {
      return (await runs.find().sort({ startedAt: -1, _id: 1 }).limit(limit).toArray()).map(toRun);
    },
    async problems(id, offset, limit) {
      const docs = await problems.find({ runId: id }, { projection: { _id: 0, runId: 0 } }).sort({ seq: 1 }).skip(offset).limit(limit).toArray();
      return docs as ImportProblem[];
    },
  };
  return store;
}
