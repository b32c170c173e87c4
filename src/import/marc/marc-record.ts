/**
 * The in-memory MARC record every MARC reader produces, and
 * small accessors the mapping reads it through.
 */
export interface MarcRecord {
  leader: string;
  /** Control fields are [tag, value]; data fields are [tag, indicators, code, value, code, value, ...]. */
  fields: string[][];
}

/** The value of the first control field with this tag. */
export function controlField(record: MarcRecord, tag: string): string | undefined {
  const at = tagIndex(record).get(tag);
  return at ? record.fields[at[0]!]![1] : undefined;
}

/** Data fields with any of these tags, in record order. */
export function dataFields(record: MarcRecord, ...tags: string[]): string[][] {
  const index = tagIndex(record);
  let found: number[] | undefined;
  let several = false;
  for (let i = 0; i < tags.length; i++) {
    const at = index.get(tags[i]!);
    if (!at) continue;
    several = found !== undefined;
    // concat makes a new array: the index's own lists are never changed.
    found = found ? found.concat(at) : at;
  }
  if (!found) return [];
  if (several) found.sort((a, b) => a - b);
  const fields: string[][] = new Array(found.length);
  for (let i = 0; i < found.length; i++) fields[i] = record.fields[found[i]!]!;
  return fields;
}

/**
 * Where each tag's fields are, for the last record asked about. The mapping
 * asks for some forty tags per record, and scanning every field for each
 * was a quarter of mapping a record. One record at a time, because mappers
 * work through records one by one; the index is made again when the record
 * (its fields array) or its number of fields changes. Records are not
 * changed in place once read, so that is enough.
 */
function tagIndex(record: MarcRecord): Map<string, number[]> {
  const { fields } = record;
  if (last.fields === fields && last.length === fields.length) return last.at;
  const at = new Map<string, number[]>();
  for (let i = 0; i < fields.length; i++) {
    const tag = fields[i]![0] ?? '';
    const list = at.get(tag);
    if (list) list.push(i);
    else at.set(tag, [i]);
  }
  last = { fields, length: fields.length, at };
  return at;
}
let last: { fields: string[][] | null; length: number; at: Map<string, number[]> } = { fields: null, length: 0, at: new Map() };

/** Subfield values of a data field whose code is in `codes`, in field order. */
export function subfields(field: string[], codes: string): string[] {
  const values: string[] = [];
  for (let i = 2; i + 1 < field.length; i += 2) {
    const code = field[i];
    // A code must be one character: '' (a MARCXML subfield without a code) would match every code.
    if (code?.length === 1 && codes.includes(code)) values.push(field[i + 1] ?? '');
  }
  return values;
}

/** The first subfield value with this code. */
export function subfield(field: string[], code: string): string | undefined {
  for (let i = 2; i + 1 < field.length; i += 2) if (field[i] === code) return field[i + 1];
  return undefined;
}

/** Second indicator of a data field. */
export function indicator2(field: string[]): string {
  return field[1]?.[1] ?? ' ';
}

/** Strip the ISBD punctuation cataloguers end subfields with (" /", " :", ",", "."), keeping initials like "J." whole. */
export function trimPunctuation(value: string): string {
  let v = value.trim();
  // Repeatedly: cataloguers leave "Sense and sensibility : /" when a subtitle was removed.
  if (ISBD_ENDINGS.includes(v.at(-1) ?? '')) v = v.replace(/(?:\s*[/:;,=])+$/, '').trim();
  // A final full stop after a word of two or more letters is punctuation; after an initial it is part of the name.
  if (v.endsWith('.') && /[^\s.]{2,}\.$/.test(v) && !/\b[A-Z][a-z]?\.$/.test(v)) v = v.slice(0, -1);
  if (v.startsWith('[') && /^\[.*\]$/.test(v)) v = v.slice(1, -1);
  return v.trim();
}

/**
 * The characters trimPunctuation strips from the end. Each of its patterns
 * is tried only when the value ends (or starts) as the pattern needs: most
 * values end in none of them, and a pattern anchored at the end is still
 * tried from every position (the full-stop one scans each word to its end
 * from every letter), which was a tenth of mapping a record.
 */
const ISBD_ENDINGS = '/:;,=';

/**
 * Joins subfields into one display string with ISBD punctuation normalised:
 * a full stop ending one subfield and the separator's full stop make one
 * ("New Zealand. Department of Lands and Survey", never ".."), an ellipsis
 * stays, and the string never ends in " /", " :", ",", ";" or "=".
 */
export function joined(field: string[], codes: string, separator = ' '): string {
  return joinIsbd(subfields(field, codes), separator);
}

/** The joining rule of `joined`, for values already picked out of a field. */
export function joinIsbd(values: string[], separator = ' '): string {
  let text = '';
  for (const value of values) {
    const v = value.trim();
    if (v) text = text ? text + separator + v : v;
  }
  // Doubled full stops need two.
  if (text.indexOf('.') !== text.lastIndexOf('.')) text = text.replace(/\.(?:\s*\.)+/g, (dots) => (/^\.{3,}$/.test(dots) ? dots : '.'));
  // A doubled mark after a space (" //" where a cataloguer typed a separator twice) becomes one. Most
  // strings hold no doubled mark, and the replace cost them more than the search (its replacement is
  // compiled on every call): MARC21 parse-only, 100k, 0.93 of the time.
  if (DOUBLED_MARKS.some((marks) => text.includes(marks))) text = text.replace(/\s+([,;:/=])\1(?=\s|$)/g, ' $1');
  return trimPunctuation(text);
}

/** Each mark the rule above makes one of, doubled: a string the rule can change holds one of these. */
const DOUBLED_MARKS = ['//', '::', ';;', ',,', '=='];
