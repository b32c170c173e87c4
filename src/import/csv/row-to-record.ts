import { MEDIA_TYPES, type CatalogueRecord, type Holding, type HoldingStatus, type MediaType } from '../../catalogue/record.js';
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
  const mediaType = mediaTypeOf(cell('mediaType'));
  if (!mediaType) return { ok: false, id, reason: `media type "${cell('mediaType')}" is not one of ${Object.values(MEDIA_TYPES).join(', ')}` };
  const holding = holdingOf(cell, id);
  if (typeof holding === 'string') return { ok: false, id, reason: holding };
  const year = Number(/\b(\d{4})\b/.exec(cell('year'))?.[1]) || undefined;
  const record: CatalogueRecord = {
    id, title, mediaType,
    authors: splitCell(cell('authors')),
    languages: splitCell(cell('languages')).flatMap((v) => v.toLowerCase().split(/[\s,]+/)).filter((c) => /^[a-z]{3}$/.test(c)),
    isbns: [...new Set(isbns)],
    series: splitCell(cell('series')),
    subjects: splitCell(cell('subjects')),
    genres: splitCell(cell('genres')),
    notes: splitCell(cell('notes')),
    holdings: holding ? [holding] : [],
  };
  for (const key of ['subtitle', 'statement', 'publisher', 'edition', 'extent', 'summary'] as const) if (cell(key)) record[key] = cell(key);
  if (year) record.year = year;
  return { ok: true, record, warnings };
}

function mediaTypeOf(value: string): MediaType | undefined {
  const key = value.toLowerCase().replace(/[\s_-]/g, '');
  if (!key) return 'book';
  return (Object.keys(MEDIA_TYPES) as MediaType[]).find((t) => t.replace('-', '') === key || MEDIA_TYPES[t].toLowerCase().replace(/[\s-]/g, '') === key);
}

/** The copy described by the branch/shelfmark/status/barcode/due columns, none when they are all empty, or a reason. */
function holdingOf(cell: (f: CsvField) => string, id: string): Holding | undefined | string {
  if (!cell('branch') && !cell('shelfmark') && !cell('itemId')) return undefined;
  if (!cell('branch')) return 'a copy is given (shelfmark or barcode) but its branch column is empty';
  const status = STATUSES[cell('status').toLowerCase().replace(/[\s_-]/g, '')];
  if (!status) return `status "${cell('status')}" is not one of available, on loan, reference, in transit, missing`;
  const holding: Holding = { itemId: cell('itemId') || `${id}#1`, branch: cell('branch'), shelfmark: cell('shelfmark'), status };
  const due = /^\d{4}-\d{2}-\d{2}/.exec(cell('dueDate'))?.[0];
  if (status === 'on-loan' && due) holding.dueDate = due;
  return holding;
}
