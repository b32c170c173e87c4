import type { CatalogueRecord } from '../../model/record.js';
import { citeOf } from './citation.js';

/** BibTeX for reference managers and LaTeX, written by citation-js (which escapes LaTeX's special characters). */
export function toBibtex(records: CatalogueRecord[], origin: string): string {
  if (records.length === 0) return '';
  // citation-js ends lines in LF; CR LF like every other download. Values never hold a line break.
  return citeOf(records, origin).format('bibtex', { format: 'text' }).replace(/\r?\n/g, '\r\n');
}
