import type { CatalogueRecord } from '../model/record.js';
import { foldForTokenizer } from '../text/fold.js';
import { isbn10Of } from '../text/isbn.js';

/**
 * The searchable text columns, shared by both adapters so they index the same
 * text: the embedded store's FTS5 columns in table order, with their bm25
 * weights beside them (the MongoDB text index uses the same weights).
 */
export const FTS_COLUMNS = [
  { name: 'title', weight: 10 },
  { name: 'author', weight: 8 },
  { name: 'subject', weight: 5 },
  { name: 'series', weight: 4 },
  { name: 'isbn', weight: 10 },
  { name: 'notes', weight: 1 },
  { name: 'alt', weight: 3 },
] as const;

/** The text indexed for a record, one string per column of FTS_COLUMNS. */
export function ftsValues(record: CatalogueRecord): string[] {
  const join = (parts: Array<string | undefined>) =>
    foldForTokenizer(parts.filter((p): p is string => Boolean(p)).join(' \n '));
  // Both ISBN forms are indexed so a member can type whichever is printed on the book.
  const isbns = record.isbns.flatMap((isbn) => [isbn, isbn10Of(isbn) ?? undefined]);
  return [
    join([record.title, record.subtitle, record.uniformTitle]),
    join([...record.authors, record.statement]),
    join([...record.subjects, ...record.genres]),
    join(record.series),
    join(isbns),
    join([...record.notes, record.summary, record.publisher]),
    join(record.altScript ?? []),
  ];
}
