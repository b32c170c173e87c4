import { controlField, dataFields, indicator2, joined, subfield, subfields, trimPunctuation, type MarcRecord } from './marc-record.js';

/** Main author first (100/110/111), then added authors (700/710/711), "Surname, Forename", without dates or roles. */
export function authorsOf(record: MarcRecord): string[] {
  const names = dataFields(record, '100', '110', '111', '700', '710', '711').map((f) => {
    const kind = f[0]?.slice(1);
    if (kind === '10') return joined(f, 'ab', '. '); // corporate body and its subordinate unit
    if (kind === '11') return joined(f, 'a'); // meeting name
    return joined(f, 'ab'); // personal name and numeration ("Elizabeth II")
  });
  return unique(names);
}

/** Publisher and year from 264 (publication, second indicator 1, preferred) or 260; year falls back to 008/07-10. */
export function publicationOf(record: MarcRecord): { publisher?: string; year?: number } {
  // The first 264 with second indicator 1, else the first 260, else the first 264.
  const f264 = dataFields(record, '264');
  const field = f264.find((f) => indicator2(f) === '1') ?? dataFields(record, '260')[0] ?? f264[0];
  const publisher = field ? trimPunctuation(subfield(field, 'b') ?? '') : '';
  const yearText = field ? subfields(field, 'c').join(' ') : '';
  const fromField = /\b(1[4-9]\d\d|20\d\d)\b/.exec(yearText)?.[1];
  const fromFixed = /^(1[4-9]\d\d|20\d\d)$/.exec(controlField(record, '008')?.slice(7, 11) ?? '')?.[1];
  const year = Number(fromField ?? fromFixed) || undefined;
  const publication: { publisher?: string; year?: number } = {};
  if (publisher) publication.publisher = publisher;
  if (year) publication.year = year;
  return publication;
}

/** Languages: 008/35-37 first, then every 041 $a/$d (old records pack several codes into one subfield). */
export function languagesOf(record: MarcRecord): string[] {
  const codes: string[] = [];
  const fixed = controlField(record, '008')?.slice(35, 38).toLowerCase();
  if (fixed) codes.push(fixed);
  for (const field of dataFields(record, '041')) {
    for (const value of subfields(field, 'ad')) codes.push(...(value.toLowerCase().match(/[a-z]{3}/g) ?? []));
  }
  return unique(codes.filter((c) => /^[a-z]{3}$/.test(c) && c !== 'und' && c !== 'zxx' && c !== 'mul'));
}

/** Series statements (490, obsolete 440) and series added entries (800/810/830), without volume numbers. */
export function seriesOf(record: MarcRecord): string[] {
  return unique(dataFields(record, '440', '490', '800', '810', '830').map((f) => (f[0] === '800' || f[0] === '810' ? joined(f, 't') : joined(f, 'a'))));
}

/** Subject headings 600/610/611/630/650/651 with subdivisions joined by " -- ". */
export function subjectsOf(record: MarcRecord): string[] {
  return unique(
    dataFields(record, '600', '610', '611', '630', '650', '651').map((f) => {
      const main = joined(f, 'abcdqt');
      const subdivisions = subfields(f, 'vxyz').map(trimPunctuation).filter(Boolean);
      return [main, ...subdivisions].filter(Boolean).join(' -- ');
    }),
  );
}

/** Genre/form terms from 655 $a and form subdivisions ($v) of subject headings. */
export function genresOf(record: MarcRecord): string[] {
  const terms = dataFields(record, '655').map((f) => joined(f, 'a'));
  for (const f of dataFields(record, '600', '610', '650', '651')) terms.push(...subfields(f, 'v').map(trimPunctuation));
  return unique(terms);
}

/** Alternate-script text from 880 fields, one string per field, so both scripts stay searchable. */
export function altScriptOf(record: MarcRecord): string[] {
  return unique(dataFields(record, '880').map((f) => subfields(f, 'abcdefghijklmnopqrstuvwxyz').map((s) => s.trim()).join(' ')));
}

/** Non-empty, trimmed, first occurrence kept. */
export function unique(values: string[]): string[] {
  // Lists are short (a few names or headings): a scan costs less than a Set.
  const kept: string[] = [];
  for (const value of values) {
    const v = value.trim();
    if (v && !kept.includes(v)) kept.push(v);
  }
  return kept;
}
