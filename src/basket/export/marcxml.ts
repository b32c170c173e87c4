import type { CatalogueRecord } from '../../model/record.js';
import { leaderOf } from './marc-fields.js';
import { marcFieldsOf } from './marc-record.js';

export const MARC_SLIM_NS = 'http://www.loc.gov/MARC21/slim';

/** XML 1.0 cannot carry most control characters at all, so they are dropped; markup characters are escaped. */
export function xmlText(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/**
 * A MARC 21 slim <collection> (the Library of Congress MARCXML schema) with
 * one bibliographic <record> per catalogue record, for librarians to load
 * into another system. `entered` dates 008/00-05.
 */
export function toMarcxml(records: CatalogueRecord[], entered = new Date()): string {
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>', `<collection xmlns="${MARC_SLIM_NS}">`];
  for (const record of records) {
    lines.push('  <record type="Bibliographic">', `    <leader>${leaderOf(record)}</leader>`);
    for (const f of marcFieldsOf(record, entered)) {
      if ('value' in f) {
        lines.push(`    <controlfield tag="${f.tag}">${xmlText(f.value)}</controlfield>`);
        continue;
      }
      lines.push(`    <datafield tag="${f.tag}" ind1="${f.ind1}" ind2="${f.ind2}">`);
      for (const [code, value] of f.subfields) lines.push(`      <subfield code="${code}">${xmlText(value)}</subfield>`);
      lines.push('    </datafield>');
    }
    lines.push('  </record>');
  }
  lines.push('</collection>', '');
  // CR LF like every other download (XML readers take either).
  return lines.join('\r\n');
}
