/** A cell value for a CSV download: text is guarded, numbers are written as they are. */
export type CsvValue = string | number | null | undefined;

/**
 * Text a spreadsheet would run as a formula (=, +, -, @, and tab or carriage
 * return before them) gets a leading apostrophe, so a search typed as
 * "=HYPERLINK(...)" is shown, never run, when a librarian opens the file.
 */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
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
