import { MEDIA_TYPES, type CatalogueRecord, type Holding, type HoldingStatus, type MediaType } from '../../model/record.js';
import { normaliseIsbn } from '../../text/isbn.js';
import { splitCell, type CsvField } from './columns.js';

const STATUSES: Record<string, HoldingStatus> = {
  '': 'available', available: 'available', onshelf: 'available', in: 'available',
  onloan: 'on-loan', loan: 'on-loan', checkedout: 'on-loan', out: 'on-loan',
  reference: 'reference', referenceonly: 'reference', notforloan: 'reference',
  intransit: 'in-transit', transit: 'in-transit', missing: 'missing', lost: 'missing',
};

/** One CSV row as a record (with at most one copy), or why not. */
export function rowToRecord(cell: (f: CsvField) => string, hasIdColumn: boolean): { ok: true; record: CatalogueRecord; warnings: string[] } | { ok: false; reason: string; id?: string } {
  const warnings: string[] = [];
  const isbns: string[] = [];
  for (const raw of splitCell(cell('isbns')).flatMap((v) => v.split(/[\s,]+/)).filter(Boolean)) {
    const isbn = normaliseIsbn(raw);
    if (isbn) isbns.push(isbn);
    else warnings.push(`ISBN "${raw}" is not valid and was left out`);
  }
  const id = hasIdColumn ? cell('id') : isbns[0] ? `ISBN${isbns[0]}` : '';
  if (!id) return { ok: false, reason: hasIdColumn ? 'the id column is empty' : 'no id column and no valid ISBN to make an id from' };
  const title = cell('title');
  if (!title) return { ok: false, id, reason: 'the title column is empty or missing in this row' };
  let mediaType = mediaTypeOf(cell('mediaType'));
  if (!mediaType) {
    warnings.push(`media type "${cell('mediaType')}" is not one of ${Object.values(MEDIA_TYPES).join(', ')}; the record is shown as "Other"`);
    mediaType = 'other';
  }
  const holding = holdingOf(cell, id, warnings);
  const year = Number(/\b(\d{4})\b/.exec(cell('year'))?.[1]) || undefined;
  if (cell('year') && !year) warnings.push(`year "${cell('year')}" has no four-digit year in it and was left out`);
  const languages: string[] = [];
  for (const code of splitCell(cell('languages')).flatMap((v) => v.toLowerCase().split(/[\s,]+/)).filter(Boolean)) {
    if (/^[a-z]{3}$/.test(code)) languages.push(code);
    else warnings.push(`language "${code}" is not a three-letter MARC language code and was left out`);
  }
  const record: CatalogueRecord = {
    id, title, mediaType,
    authors: splitCell(cell('authors')),
    languages,
    isbns: [...new Set(isbns)],
    series: splitCell(cell('series')),
    subjects: splitCell(cell('subjects')),
    genres: splitCell(cell('genres')),
    notes: splitCell(cell('notes')),
    holdings: holding ? [holding] : [],
  };
  for (const key of ['subtitle', 'uniformTitle', 'statement', 'publisher', 'edition', 'extent', 'summary'] as const) if (cell(key)) record[key] = cell(key);
  if (year) record.year = year;
  return { ok: true, record, warnings };
}

function mediaTypeOf(value: string): MediaType | undefined {
  const key = value.toLowerCase().replace(/[\s_-]/g, '');
  if (!key) return 'book';
  return (Object.keys(MEDIA_TYPES) as MediaType[]).find((t) => t.replace('-', '') === key || MEDIA_TYPES[t].toLowerCase().replace(/[\s-]/g, '') === key);
}

/** The copy described by the branch/shelfmark/status/barcode/due columns, none when they are all empty; what is wrong in it is warned about. */
function holdingOf(cell: (f: CsvField) => string, id: string, warnings: string[]): Holding | undefined {
  if (!cell('branch') && !cell('shelfmark') && !cell('itemId')) return undefined;
  if (!cell('branch')) warnings.push('a copy is given (shelfmark or barcode) but its branch column is empty; it is kept under "Other locations"');
  let status = STATUSES[cell('status').toLowerCase().replace(/[\s_-]/g, '')];
  if (!status) {
    warnings.push(`status "${cell('status')}" is not one of available, on loan, reference, in transit, missing; the copy is shown as available`);
    status = 'available';
  }
  const holding: Holding = { itemId: cell('itemId') || `${id}#1`, branch: cell('branch'), shelfmark: cell('shelfmark'), status };
  const due = /^\d{4}-\d{2}-\d{2}/.exec(cell('dueDate'))?.[0];
  if (status === 'on-loan' && due) holding.dueDate = due;
  return holding;
}
