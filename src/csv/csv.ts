/** A cell value for a CSV download: text is guarded, numbers are written as they are. */
export type CsvValue = string | number | null | undefined;

/**
 * A spreadsheet runs a cell starting with = + - @ (or a tab or carriage
 * return) as a formula, so such text gets a leading apostrophe (OWASP's
 * advice against CSV injection): "=HYPERLINK(...)" is shown, never run.
 */
export function neutralise(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** How a download is written; the defaults suit the librarian's reports. */
export interface CsvOptions {
  /** Quote every text cell, not only those holding a quote, comma or line break. */
  quoteAll?: boolean;
  /** Start with a byte order mark, so that Excel reads the file as UTF-8 (Brontë, not BrontÃ«). */
  byteOrderMark?: boolean;
}

/** One RFC 4180 cell: text is neutralised, and quoted (quotes doubled) when it holds a quote, comma or line break. */
export function csvCell(value: CsvValue, quoteAll = false): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  const safe = neutralise(value);
  return quoteAll || /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** One row as a line of CSV, ending in CR LF as RFC 4180 and spreadsheets expect. */
export function csvLine(row: CsvValue[], quoteAll = false): string {
  return `${row.map((cell) => csvCell(cell, quoteAll)).join(',')}\r\n`;
}

/** Rows as CSV text: every CSV Shelfmark writes goes through here or csvLine. */
export function csvText(rows: CsvValue[][], options: CsvOptions = {}): string {
  return (options.byteOrderMark ? '\uFEFF' : '') + rows.map((row) => csvLine(row, options.quoteAll)).join('');
}

/** Headers for a CSV download with a file name. */
export function csvHeaders(fileName: string): Record<string, string> {
  return {
    'Content-Type': 'text/csv; charset=utf-8',
    'Content-Disposition': `attachment; filename="${fileName.replace(/[^\w.-]/g, '_')}"`,
  };
}
