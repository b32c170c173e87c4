import type { CatalogueRecord } from '../../model/record.js';
import { toBibtex } from './bibtex.js';
import { toCsv } from './csv.js';
import { toMarcxml } from './marcxml.js';
import { toRis } from './ris.js';

/** One download format: how it is offered, named and typed, and the pure function that writes it. */
export interface ExportFormat {
  label: string;
  extension: string;
  contentType: string;
  /** `origin` is this site's address, for links back to each record. */
  write(records: CatalogueRecord[], origin: string): string;
}

/** Every format the basket exports, in the order the page offers them. */
export const EXPORT_FORMATS = {
  ris: { label: 'RIS (EndNote, Zotero, Mendeley)', extension: 'ris', contentType: 'application/x-research-info-systems; charset=utf-8', write: toRis },
  bibtex: { label: 'BibTeX', extension: 'bib', contentType: 'application/x-bibtex; charset=utf-8', write: toBibtex },
  csv: { label: 'CSV spreadsheet', extension: 'csv', contentType: 'text/csv; charset=utf-8', write: toCsv },
  marcxml: { label: 'MARCXML (for librarians)', extension: 'xml', contentType: 'application/marcxml+xml; charset=utf-8', write: (records) => toMarcxml(records) },
} satisfies Record<string, ExportFormat>;

export type ExportFormatName = keyof typeof EXPORT_FORMATS;

/** The format named in a query string, or undefined for anything else. */
export function exportFormat(name: unknown): ExportFormat | undefined {
  return typeof name === 'string' && Object.hasOwn(EXPORT_FORMATS, name) ? EXPORT_FORMATS[name as ExportFormatName] : undefined;
}

/** "shelfmark-basket-2026-11-23.ris": the date the member downloaded it, so several downloads sort. */
export function exportFilename(format: ExportFormat, now: number): string {
  return `shelfmark-basket-${new Date(now).toISOString().slice(0, 10)}.${format.extension}`;
}
