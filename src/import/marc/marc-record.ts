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
  const at = tagIndex.of(record).first(tag);
  return at === -1 ? undefined : record.fields[at]![1];
}

/** Data fields with any of these tags, in record order. */
export function dataFields(record: MarcRecord, ...tags: string[]): string[][] {
  const index = tagIndex.of(record);
  const found: number[] = [];
  let tagsFound = 0;
  for (let i = 0; i < tags.length; i++) if (index.addTo(tags[i]!, found)) tagsFound++;
  if (found.length === 0) return [];
  if (tagsFound > 1) found.sort((a, b) => a - b);
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
 *
 * A tag of three digits, as nearly every tag is, is looked up by its number
 * in arrays kept from record to record, its fields chained through `next`;
 * any other tag (some systems export their own, such as "AVA" or "CAT") in
 * a map. A map of every tag, made afresh for each record, took a seventh
 * of reading a MARC21 record (parse-only, 100k bench file).
 */
class TagIndex {
  private fields: string[][] | null = null;
  private length = 0;
  /** Which record `head` and `tail` hold for each tag number: its stamp. */
  private stamp = 0;
  private readonly stampOf = new Int32Array(1000);
  private readonly head = new Int32Array(1000);
  private readonly tail = new Int32Array(1000);
  /** For each field, the next field with the same tag, or -1. */
  private next = new Int32Array(256);
  private other = new Map<string, number[]>();

  of(record: MarcRecord): this {
    const { fields } = record;
    if (this.fields !== fields || this.length !== fields.length) this.build(fields);
    return this;
  }

  /** The first field with this tag, or -1. */
  first(tag: string): number {
    const n = tagNumber(tag);
    if (n === -1) return this.other.get(tag)?.[0] ?? -1;
    return this.stampOf[n] === this.stamp ? this.head[n]! : -1;
  }

  /** Push the fields with this tag onto `into`, in record order; whether there were any. */
  addTo(tag: string, into: number[]): boolean {
    const n = tagNumber(tag);
    if (n === -1) {
      const at = this.other.get(tag);
      if (at) into.push(...at);
      return at !== undefined;
    }
    if (this.stampOf[n] !== this.stamp) return false;
    for (let i = this.head[n]!; i !== -1; i = this.next[i]!) into.push(i);
    return true;
  }

  private build(fields: string[][]): void {
    this.fields = fields;
    this.length = fields.length;
    if (this.stamp === 0x7fffffff) {
      this.stampOf.fill(0);
      this.stamp = 0;
    }
    const stamp = ++this.stamp;
    if (this.next.length < fields.length) this.next = new Int32Array(Math.max(fields.length, 2 * this.next.length));
    if (this.other.size > 0) this.other = new Map();
    for (let i = 0; i < fields.length; i++) {
      const tag = fields[i]![0] ?? '';
      const n = tagNumber(tag);
      if (n === -1) {
        const list = this.other.get(tag);
        if (list) list.push(i);
        else this.other.set(tag, [i]);
        continue;
      }
      this.next[i] = -1;
      if (this.stampOf[n] === stamp) {
        this.next[this.tail[n]!] = i;
      } else {
        this.stampOf[n] = stamp;
        this.head[n] = i;
      }
      this.tail[n] = i;
    }
  }
}
const tagIndex = new TagIndex();

/** A tag of three digits as its number, 0 to 999; -1 for any other tag. */
function tagNumber(tag: string): number {
  if (tag.length !== 3) return -1;
  const a = tag.charCodeAt(0) - 0x30;
  const b = tag.charCodeAt(1) - 0x30;
  const c = tag.charCodeAt(2) - 0x30;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 && c >= 0 && c <= 9 ? a * 100 + b * 10 + c : -1;
}

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
