import type { CatalogueRecord } from '../../model/record.js';
import { csvText } from '../../csv/csv.js';
import { shelfItem } from '../shelf-list.js';

/** The header row; the README documents the columns. */
export const CSV_COLUMNS = ['Title', 'Author', 'Year', 'ISBN', 'Media type', 'Shelfmark', 'Branch', 'Status'] as const;

/**
 * One row per copy, because shelfmark and branch belong to a copy: a member
 * can sort by branch and walk the shelves. A record with no copies (an
 * e-book, say) still gets one row, with shelfmark and branch empty. Authors
 * and ISBNs are joined with "; ". Lines end in CR LF, and a byte order mark
 * comes first so that Excel reads the file as UTF-8 (Brontë, not BrontÃ«).
 */
export function toCsv(records: CatalogueRecord[]): string {
  const rows: string[][] = [[...CSV_COLUMNS]];
  for (const record of records) {
    const item = shelfItem(record);
    const base = [item.title, item.authors, item.year ? String(item.year) : '', item.isbns.join('; '), item.mediaType];
    if (item.copies.length === 0) rows.push([...base, '', '', '']);
    for (const copy of item.copies) rows.push([...base, copy.shelfmark, copy.branch, copy.status]);
  }
  // Every cell quoted, so commas and line breaks in titles are safe in any spreadsheet.
  return csvText(rows, { quoteAll: true, byteOrderMark: true });
}
