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
  // Both ISBN forms are indexed so a member can type whichever is printed on the book.
  const isbns: string[] = [];
  for (const isbn of record.isbns) {
    isbns.push(isbn);
    const isbn10 = isbn10Of(isbn);
    if (isbn10) isbns.push(isbn10);
  }
  return [
    joinParts(record.title, record.subtitle, record.uniformTitle),
    joinParts(record.authors, record.statement),
    joinParts(record.subjects, record.genres),
    joinParts(record.series),
    joinParts(isbns),
    joinParts(record.notes, record.summary, record.publisher),
    joinParts(record.altScript),
  ];
}

/** One column's text: the non-empty strings among `parts` (single strings or lists of them), in order, folded. */
function joinParts(...parts: Array<string | ReadonlyArray<string | undefined> | undefined>): string {
  let text = '';
  for (const part of parts) {
    if (typeof part === 'string') {
      if (part) text = text ? `${text} \n ${part}` : part;
    } else if (part) {
      for (const each of part) if (each) text = text ? `${text} \n ${each}` : each;
    }
  }
  return foldForTokenizer(text);
}
