import type { CatalogueRecord } from '../../catalogue/record.js';
import { citeOf } from './citation.js';

/** BibTeX for reference managers and LaTeX, written by citation-js (which escapes LaTeX's special characters). */
export function toBibtex(records: CatalogueRecord[]): string {
  if (records.length === 0) return '';
  return citeOf(records).format('bibtex', { format: 'text' });
}
