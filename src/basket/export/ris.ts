import type { CatalogueRecord } from '../../model/record.js';
import { citeOf } from './citation.js';

const TAGGED = /^[A-Z][A-Z0-9] {2}- /;

/**
 * RIS for EndNote, Zotero and Mendeley, written by citation-js from CSL.
 * The RIS specification ends every line with CR LF, and EndNote expects it,
 * so the LF citation-js writes is converted; no value spans lines.
 */
export function toRis(records: CatalogueRecord[], origin: string): string {
  if (records.length === 0) return '';
  const text = citeOf(records, origin).format('ris', { format: 'text' });
  const lines: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (TAGGED.test(line)) lines.push(line);
    // citation-js breaks a value before some markup-like text ("<b>"); such a piece belongs to the line above.
    else if (line && lines.length) lines[lines.length - 1] += line;
  }
  return `${lines.join('\r\n')}\r\n`;
}
