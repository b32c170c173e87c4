import { MongoBulkWriteError, MongoServerError, type Db, type IndexDescription } from 'mongodb';
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

/** The one refusal claim() expects: the partial unique index on `status` says a run is running. */
const isRunningTaken = (error: unknown) => error instanceof MongoServerError && error.code === 11000 && Boolean(error.keyPattern?.status);
/** How often claim() tries when the run in its way finishes before it can be named. */
const CLAIM_ATTEMPTS = 3;

/** Every failure of an unordered insert is a line already there (a retried batch): nothing was lost. */
export const onlyRepeats = (error: unknown) =>
  error instanceof MongoBulkWriteError && [error.writeErrors].flat().every((e) => e.code === 11000);

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
      for (let attempt = 1; attempt <= CLAIM_ATTEMPTS; attempt++) {
        try {
          await runs.insertOne({
            _id: run.id, fileName: run.fileName, size: run.size, format: null, card: run.card, status: 'running',
            counts: emptyCounts(), bytesRead: 0, startedAt: at, updatedAt: at, finishedAt: null, error: null,
          });
          return { claimed: true };
        } catch (error) {
          // Any other failure, a duplicate run id included, is not a race and is not retried.
          if (!isRunningTaken(error)) throw error;
        }
        const running = await store.running();
        if (running) return { claimed: false, running };
        // The run in the way finished between the insert and the read: try again, a bounded number of times.
      }
      throw new Error(`Could not start the import: other imports kept starting and finishing (${CLAIM_ATTEMPTS} tries). Try again.`);
    },
    async progress(id, { counts, bytesRead, format, now }) {
      await runs.updateOne({ _id: id, status: 'running' }, { $set: { counts, bytesRead, format, updatedAt: new Date(now) } });
    },
    async addProblems(id, list) {
      if (!list.length) return;
      try {
        await problems.insertMany(list.map((p) => ({ ...p, runId: id })), { ordered: false });
      } catch (error) {
        // A line written twice (a retried batch) is already there: the report stays whole. Anything else is thrown.
        if (!onlyRepeats(error)) throw error;
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
      return docs;
    },
    async *exportProblems(id, batchSize = 5000) {
      for (let after = -Infinity; ;) {
        const docs = (await problems.find({ runId: id, seq: { $gt: after } }, { projection: { _id: 0, runId: 0 } }).sort({ seq: 1 }).limit(batchSize).toArray()) as ImportProblem[];
        if (docs.length > 0) yield docs;
        if (docs.length < batchSize) return;
        after = docs[docs.length - 1]!.seq;
      }
    },
  };
  return store;
}
