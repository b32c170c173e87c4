import type { ImportRun, Store } from '../storage/store.js';
import { csvText, type CsvValue } from '../csv/csv.js';
import { MAX_PROBLEMS_KEPT } from './import-runner.js';

const PAGE = 5000;

/**
 * The rejects report of a console import, with the same columns as the
 * `npm run seed --rejects` file, the file column naming the uploaded file.
 */
export async function rejectsCsv(store: Pick<Store, 'imports'>, run: ImportRun): Promise<string> {
  const rows: CsvValue[][] = [['file', 'record', 'byte_offset', 'line', 'id', 'kind', 'reason']];
  // Read by key (`seq` after the last line read), never by offset: each batch costs the same.
  for await (const page of store.imports.exportProblems(run.id, PAGE)) {
    for (const p of page) rows.push([run.fileName, p.recordNumber, p.byteOffset, p.line, p.recordId, p.kind, p.reason]);
  }
  const all = run.counts.rejected + run.counts.warnings + run.counts.duplicates;
  if (all > MAX_PROBLEMS_KEPT) rows.push([run.fileName, '', '', '', '', 'note', `only the first ${MAX_PROBLEMS_KEPT} of ${all} problems are kept`]);
  return csvText(rows);
}
