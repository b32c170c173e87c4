import type { CatalogueRecord } from '../../model/record.js';
import { normaliseIsbn } from '../../text/isbn.js';
import { unique } from './descriptive.js';
import { dataFields, joined, subfield, subfields, type MarcRecord } from './marc-record.js';

/**
 * Some exports mix UNIMARC records (European and Chinese libraries) into a
 * MARC21 file: same ISO 2709 frame, other tags. They have a 200 title and no
 * 245, and are mapped here rather than rejected.
 */
export function looksLikeUnimarc(marc: MarcRecord): boolean {
  return !dataFields(marc, '245').length && dataFields(marc, '200').some((f) => subfield(f, 'a'));
}

/** Map a UNIMARC record; `id` comes from the caller (001). Fields: 010 ISBN, 101 language, 200 title, 205 edition, 210 imprint, 215 extent, 225 series, 300/330 notes and summary, 60x subjects, 70x authors. */
export function mapUnimarc(marc: MarcRecord, id: string, warnings: string[]): CatalogueRecord {
  const title = dataFields(marc, '200')[0]!;
  const imprint = dataFields(marc, '210')[0];
  const year = Number(/\b(1[4-9]\d\d|20\d\d)\b/.exec(imprint ? subfields(imprint, 'd').join(' ') : '')?.[1]) || undefined;
  const isbns: string[] = [];
  for (const raw of dataFields(marc, '010').flatMap((f) => subfields(f, 'a'))) {
    const isbn = normaliseIsbn(raw);
    if (isbn) isbns.push(isbn);
    else warnings.push(`010 $a "${raw}" is not a valid ISBN and was left out`);
  }
  const record: CatalogueRecord = {
    id,
    title: joined(title, 'a'),
    authors: unique(dataFields(marc, '700', '701', '702', '710', '711', '712').map((f) => subfields(f, 'ab').map((s) => s.trim()).join(', '))),
    mediaType: 'abt'.includes(marc.leader[6] ?? '') ? 'book' : marc.leader[6] === 'i' ? 'audiobook' : marc.leader[6] === 'j' ? 'music-cd' : 'other',
    languages: unique(dataFields(marc, '101').flatMap((f) => subfields(f, 'a')).map((c) => c.toLowerCase()).filter((c) => /^[a-z]{3}$/.test(c))),
    isbns: unique(isbns),
    series: unique(dataFields(marc, '225').map((f) => joined(f, 'a'))),
    subjects: unique(dataFields(marc, '600', '601', '606', '607').map((f) => subfields(f, 'axyz').map((s) => s.trim()).join(' -- '))),
    genres: [],
    notes: unique(dataFields(marc, '300').map((f) => joined(f, 'a'))),
    holdings: [],
  };
  const optional = { subtitle: joined(title, 'e'), uniformTitle: dataFields(marc, '500').map((f) => joined(f, 'a'))[0], statement: joined(title, 'fg', ' ; '), edition: dataFields(marc, '205').map((f) => joined(f, 'a'))[0], publisher: imprint && joined(imprint, 'c'), extent: dataFields(marc, '215').map((f) => joined(f, 'acd'))[0], summary: dataFields(marc, '330').map((f) => joined(f, 'a'))[0] };
  for (const [key, value] of Object.entries(optional)) if (value) record[key as keyof typeof optional] = value;
  if (year) record.year = year;
  return record;
}
