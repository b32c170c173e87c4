import { Readable } from 'node:stream';
import { parse, type Info } from 'csv-parse';
import type { CatalogueRecord } from '../../model/record.js';
import { UnreadableFileError, type ReadItem, type SourcePosition } from '../types.js';
import { mapHeader, type CsvField } from './columns.js';
import { rowToRecord } from './row-to-record.js';

/**
 * Read CSV with a header row (comma, semicolon or tab). Consecutive rows with
 * the same id are one record with several copies, the way library systems
 * export one row per item. A bad row is rejected with its line number.
 */
export async function* readCsv(input: AsyncIterable<Buffer>, file: string): AsyncGenerator<ReadItem> {
  const iterator = input[Symbol.asyncIterator]();
  const first = await iterator.next();
  if (first.done) return;
  const delimiter = sniffDelimiter(first.value);
  const parser = parse({ bom: true, delimiter, relax_column_count: true, skip_empty_lines: true, trim: true, info: true, skip_records_with_error: true });
  const skipped: ReadItem[] = [];
  let count = 0;
  parser.on('skip', (error: Error & { lines?: number }) => {
    skipped.push({ ok: false, position: { file, recordNumber: ++count, line: error.lines }, reason: `not valid CSV: ${error.message}` });
  });
  Readable.from(rest(first.value, iterator)).on('error', (e) => parser.destroy(e)).pipe(parser);
  let header: ReturnType<typeof mapHeader> | undefined;
  let pending: { record: CatalogueRecord; position: SourcePosition; warnings: string[] } | undefined;
  for await (const { record: row, info } of parser as AsyncIterable<{ record: string[]; info: Info }>) {
    yield* skipped.splice(0);
    if (!header) {
      header = mapHeader(row);
      if (header.columns.title === undefined) throw new UnreadableFileError(`the CSV header has no "title" column (columns found: ${row.join(', ')})`);
      if (header.columns.id === undefined && header.columns.isbns === undefined) throw new UnreadableFileError('the CSV header has neither an "id" nor an "isbn" column, so records cannot be matched on the next import');
      continue;
    }
    const columns = header.columns;
    const cell = (f: CsvField) => (columns[f] === undefined ? '' : (row[columns[f]] ?? '').normalize('NFC'));
    const result = rowToRecord(cell, columns.id !== undefined);
    if (result.ok && row.some((c) => c.includes('\uFFFD'))) result.warnings.push('characters that are not valid UTF-8 were replaced by \uFFFD (save the file as UTF-8)');
    if (result.ok && pending?.record.id === result.record.id) {
      pending.warnings.push(...result.warnings.filter((w) => !pending!.warnings.includes(w)));
      const copy = result.record.holdings[0];
      if (copy) pending.record.holdings.push({ ...copy, itemId: cell('itemId') || `${copy.itemId.replace(/#1$/, '')}#${pending.record.holdings.length + 1}` });
      continue;
    }
    if (pending) yield { ok: true, ...pending };
    pending = undefined;
    const position = { file, recordNumber: ++count, line: info.lines };
    if (result.ok) pending = { record: result.record, position, warnings: result.warnings };
    else yield { ...result, position };
  }
  yield* skipped.splice(0);
  if (pending) yield { ok: true, ...pending };
}

/** The header row's most frequent separator: comma, semicolon or tab (one only, since ";" also separates values in a cell). */
function sniffDelimiter(head: Buffer): string {
  const line = head.toString('utf8').split(/\r?\n/, 1)[0] ?? '';
  const counts = [',', ';', '\t'].map((d) => [d, line.split(d).length] as const);
  return counts.reduce((best, c) => (c[1] > best[1] ? c : best))[0];
}

async function* rest(first: Buffer, iterator: AsyncIterator<Buffer>): AsyncGenerator<Buffer> {
  yield first;
  for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
}
