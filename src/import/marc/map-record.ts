import type { CatalogueRecord } from '../../model/record.js';
import { normaliseIsbn } from '../../text/isbn.js';
import { altScriptOf, authorsOf, genresOf, languagesOf, publicationOf, seriesOf, subjectsOf, unique } from './descriptive.js';
import { holdingsOf } from './holdings.js';
import { linksOf } from './links.js';
import { controlField, dataFields, joined, subfield, subfields, type MarcRecord } from './marc-record.js';
import { mediaTypeOf } from './media-type.js';
import { looksLikeUnimarc, mapUnimarc } from './unimarc.js';

/** A MARC record mapped to Shelfmark's shape, or why it cannot be. */
export type MappedRecord = { ok: true; record: CatalogueRecord; warnings: string[] } | { ok: false; reason: string; id?: string };

/** Map one MARC21 bibliographic record to a CatalogueRecord; the README documents each field. */
export function mapMarcRecord(marc: MarcRecord): MappedRecord {
  const id = recordId(marc);
  if (!id) return { ok: false, reason: 'no record id: the record has no 001 control number, no 035 system number and no valid ISBN' };
  if (looksLikeUnimarc(marc)) {
    const warnings: string[] = [];
    return { ok: true, record: mapUnimarc(marc, id, warnings), warnings };
  }
  const titleField = dataFields(marc, '245')[0] ?? dataFields(marc, '130', '240')[0];
  const title = titleField ? joined(titleField, titleField[0] === '245' ? 'anp' : 'a') : '';
  if (!title) return { ok: false, id, reason: 'no title: the record has no 245 $a' };
  const warnings: string[] = [];
  const record: CatalogueRecord = {
    id,
    title,
    authors: authorsOf(marc),
    mediaType: mediaTypeOf(marc),
    languages: languagesOf(marc),
    isbns: isbnsOf(marc, warnings),
    series: seriesOf(marc),
    subjects: subjectsOf(marc),
    genres: genresOf(marc),
    notes: unique(dataFields(marc, '500').map((f) => prose(f, 'a'))),
    holdings: holdingsOf(marc, id),
  };
  const { publisher, year } = publicationOf(marc);
  if (publisher) record.publisher = publisher;
  if (year) record.year = year;
  const f245 = dataFields(marc, '245')[0];
  assignIf(record, 'subtitle', f245 && joined(f245, 'b'));
  // The uniform title without its language, version or date ($l, $s, $f): every translation files under one work.
  const uniform = dataFields(marc, '130', '240')[0];
  assignIf(record, 'uniformTitle', uniform && joined(uniform, 'anp'));
  assignIf(record, 'statement', f245 && joined(f245, 'c'));
  assignIf(record, 'edition', dataFields(marc, '250').map((f) => joined(f, 'ab'))[0]);
  assignIf(record, 'extent', dataFields(marc, '300').map((f) => joined(f, 'abce'))[0]);
  const summaries = unique(dataFields(marc, '520').map((f) => prose(f, 'ab')));
  assignIf(record, 'summary', summaries[0]);
  record.notes.push(...summaries.slice(1));
  const alt = altScriptOf(marc);
  if (alt.length) record.altScript = alt;
  const links = linksOf(marc, warnings);
  if (links.length) record.links = links;
  return { ok: true, record, warnings };
}

/** 001 qualified by 003 in the 035 style "(ORG)number"; else the first 035 $a; else "ISBN" and the first valid ISBN-13. */
export function recordId(marc: MarcRecord): string | undefined {
  const control = controlField(marc, '001')?.trim();
  if (control) {
    const org = controlField(marc, '003')?.trim();
    return org ? `(${org})${control}` : control;
  }
  const systemNumber = dataFields(marc, '035').map((f) => subfield(f, 'a')?.trim()).find(Boolean);
  if (systemNumber) return systemNumber;
  const isbn = dataFields(marc, '020', '010').flatMap((f) => subfields(f, 'a')).map(normaliseIsbn).find(Boolean);
  return isbn ? `ISBN${isbn}` : undefined;
}

function isbnsOf(marc: MarcRecord, warnings: string[]): string[] {
  const isbns: string[] = [];
  for (const field of dataFields(marc, '020')) {
    for (const raw of subfields(field, 'a')) {
      const isbn = normaliseIsbn(raw);
      if (isbn) isbns.push(isbn);
      else warnings.push(`020 $a "${raw}" is not a valid ISBN and was left out`);
    }
  }
  return unique(isbns);
}

/** Notes and summaries are sentences: their final full stop stays. */
function prose(field: string[], codes: string): string {
  return subfields(field, codes).map((s) => s.trim()).join(' ');
}

function assignIf<K extends 'subtitle' | 'uniformTitle' | 'statement' | 'edition' | 'extent' | 'summary'>(record: CatalogueRecord, key: K, value: string | undefined): void {
  if (value) record[key] = value;
}
