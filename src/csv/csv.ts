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

/** One RFC 4180 cell: text is neutralised, and quoted (quotes doubled) when it holds a quote, comma or line break. */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  const safe = neutralise(value);
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Rows as CSV text with CRLF line ends, as RFC 4180 and spreadsheets expect. */
export function toCsv(rows: CsvValue[][]): string {
  return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** Headers for a CSV download with a file name. */
export function csvHeaders(fileName: string): Record<string, string> {
  return {
    'Content-Type': 'text/csv; charset=utf-8',
    'Content-Disposition': `attachment; filename="${fileName.replace(/[^\w.-]/g, '_')}"`,
  };
}
