import { z } from 'zod';
import { MEDIA_TYPES, type CatalogueRecord } from '../model/record.js';
import { normaliseIsbn } from '../text/isbn.js';

/** Limits checked before the schema runs, so a hostile record costs little to refuse. */
/** Warnings named per field of one record; the rest are counted in one line. */
const WARNINGS_PER_FIELD = 5;

export const LIMITS = { textChars: 65_536, values: 1_000, holdings: 10_000 } as const;

const text = z.string().max(LIMITS.textChars, 'longer than 65,536 characters').trim().min(1).transform((s) => s.normalize('NFC'));
const texts = z.array(text).default([]);
const STATUSES = ['available', 'on-loan', 'reference', 'in-transit', 'missing'] as const;

const HoldingSchema = z.object({
  itemId: text,
  branch: z.string().trim().default('').transform((s) => s.normalize('NFC')),
  shelfmark: z.string().trim().default('').transform((s) => s.normalize('NFC')),
  status: z.enum(STATUSES),
  dueDate: z.iso.date().optional(),
  location: text.optional(),
});

/** Built once: a zod schema is an object graph, and building one per value cost more than checking the value. */
const ANY_STRING = z.string();
const ISO_DATE = z.iso.date();

const LinkSchema = z.object({
  url: z.url({ protocol: /^https?$/, message: 'must be an http or https address' }),
  label: text.optional(),
});

/**
 * Shelfmark's record shape as the JSON and NDJSON imports accept it: arrays
 * may be left out, text is trimmed and NFC-normalised, ISBNs are normalised.
 */
export const RecordSchema = z.object({
  id: text,
  title: text,
  subtitle: text.optional(),
  uniformTitle: text.optional(),
  statement: text.optional(),
  authors: texts,
  mediaType: z.enum(Object.keys(MEDIA_TYPES) as [keyof typeof MEDIA_TYPES]),
  languages: z.array(z.string().regex(/^[a-z]{3}$/, 'must be an ISO 639-2 code such as "eng"')).default([]),
  year: z.number().int().min(1000).max(2100).optional(),
  publisher: text.optional(),
  edition: text.optional(),
  extent: text.optional(),
  isbns: z.array(z.string()).default([]),
  series: texts,
  subjects: texts,
  genres: texts,
  notes: texts,
  summary: text.optional(),
  holdings: z.array(HoldingSchema).default([]),
  altScript: z.array(text).optional(),
  links: z.array(LinkSchema).optional(),
});

const count = (n: number) => n.toLocaleString('en-GB');

/** The first field too big to validate at all: an array with too many values or a text too long. */
function oversized(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  for (const [field, v] of Object.entries(value)) {
    const max = field === 'holdings' ? LIMITS.holdings : LIMITS.values;
    if (Array.isArray(v) && v.length > max) return `${field}: more than ${count(max)} values (${count(v.length)})`;
    if (typeof v === 'string' && v.length > LIMITS.textChars) return `${field}: longer than ${count(LIMITS.textChars)} characters`;
  }
  return undefined;
}

/** One reason per field, the first found: a field with a thousand bad values says so once. */
function firstPerField(issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>): string {
  const seen = new Map<string, string>();
  for (const issue of issues) {
    const field = String(issue.path[0] ?? 'record');
    if (!seen.has(field)) seen.set(field, `${issue.path.map(String).join('.') || 'record'}: ${issue.message}`);
  }
  return [...seen.values()].join('; ');
}

type Parsed = { ok: true; record: CatalogueRecord; warnings: string[] } | { ok: false; reason: string; id?: string };
const SHAPE = RecordSchema.shape;
type Key = keyof typeof SHAPE;

/**
 * Validate one record leniently: only a value that is not an object, or one
 * without a usable id or title, is rejected. Anything else that is wrong
 * costs that value, with a warning naming it: a bad ISBN, language, year or
 * link is left out, an unknown media type becomes "other", a copy with an
 * unknown status is shown as available, and an unknown field is ignored.
 */
export function parseRecord(value: unknown): Parsed {
  const tooBig = oversized(value);
  if (tooBig) {
    const id = typeof (value as { id?: unknown })?.id === 'string' ? (value as { id: string }).id.slice(0, 200) : undefined;
    return { ok: false, reason: tooBig, ...(id ? { id } : {}) };
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) return { ok: false, reason: 'not a record: expected a JSON object with at least "id" and "title"' };
  const input = value as Record<string, unknown>;
  // Most records in an export are wholly valid: one pass of the schema decides that,
  // and only a record it refuses, or that would be warned about, is walked field by field.
  if (warnsAbout(input)) return parseLeniently(input);
  const strict = RecordSchema.safeParse(input);
  return strict.success ? withIsbns(strict.data, []) : parseLeniently(input);
}

/** Whether the record must take the walk below even where the schema would accept it, to be warned about or mended the same way: a missing media type, an unknown or null field, a copy with no branch. */
function warnsAbout(input: Record<string, unknown>): boolean {
  if (input.mediaType === undefined || input.mediaType === null) return true;
  for (const key in input) if (!isField(key) || input[key] === null) return true;
  if (!Array.isArray(input.holdings)) return false;
  return input.holdings.some((copy: unknown) => !copy || typeof copy !== 'object' || unplaced(copy));
}

/** A field of Shelfmark's record: own keys of the schema only, so "constructor" or "toString" in a record is an unknown field, not Object's. */
function isField(key: string): key is Key {
  return Object.hasOwn(SHAPE, key);
}

/** A copy with neither a branch nor a location: the walk keeps it, under "Other locations", with a warning. */
function unplaced(copy: { branch?: unknown; location?: unknown }): boolean {
  return (typeof copy.branch !== 'string' || !copy.branch.trim()) && copy.location === undefined;
}

/** The field-by-field walk: what cannot be used is dropped with a warning. Exported for the test that compares it with parseRecord. */
export function parseLeniently(input: Record<string, unknown>): Parsed {
  const id = SHAPE.id.safeParse(input.id);
  if (!id.success) return { ok: false, reason: 'id: missing or empty, so the record cannot be matched on the next import' };
  const title = SHAPE.title.safeParse(input.title);
  if (!title.success) return { ok: false, id: id.data, reason: 'title: missing or empty' };
  const warnings: string[] = [];
  const kept: Record<string, unknown> = { mediaType: 'book' };
  if (input.mediaType === undefined || input.mediaType === null) warnings.push('mediaType: missing; the record is shown as a book');
  for (const [key, raw] of Object.entries(input)) {
    if (raw === undefined || raw === null) continue;
    if (!isField(key)) {
      warnings.push(`"${key}" is not a Shelfmark field and was ignored`);
      continue;
    }
    // The first few problems in each field are named and the rest counted, so a field of a thousand bad values is a few lines.
    const found: string[] = [];
    kept[key] = salvage(key, raw, id.data, found);
    warnings.push(...found.slice(0, WARNINGS_PER_FIELD));
    if (found.length > WARNINGS_PER_FIELD) warnings.push(`${key}: ${found.length - WARNINGS_PER_FIELD} more problems like these were not listed`);
  }
  const result = RecordSchema.safeParse(kept);
  if (!result.success) return { ok: false, id: id.data, reason: firstPerField(result.error.issues) };
  return withIsbns(result.data, warnings);
}

/** The record with its ISBNs normalised (a bad one left out, with a warning) and no undefined keys. */
function withIsbns(data: z.infer<typeof RecordSchema>, warnings: string[]): Parsed {
  const isbns: string[] = [];
  for (const raw of data.isbns) {
    const isbn = normaliseIsbn(raw);
    if (!isbn) warnings.push(`isbns: "${raw}" is not a valid ISBN and was left out`);
    else if (!isbns.includes(isbn)) isbns.push(isbn);
  }
  return { ok: true, record: withoutUndefined({ ...data, isbns }), warnings };
}

/** One field's value, with what cannot be used in it dropped (and warned about). */
function salvage(key: Key, raw: unknown, id: string, warnings: string[]): unknown {
  if (key === 'mediaType' && !SHAPE.mediaType.safeParse(raw).success) {
    warnings.push(`mediaType: "${String(raw)}" is not one of ${Object.keys(MEDIA_TYPES).join(', ')}; the record is shown as "other"`);
    return 'other';
  }
  if (key === 'holdings' && Array.isArray(raw)) return raw.flatMap((h, n) => holding(h, `${id}#${n + 1}`, n, warnings));
  const element = arrayElement(key);
  if (element && Array.isArray(raw)) {
    return raw.filter((item, n) => {
      const ok = element.safeParse(item).success;
      if (!ok) warnings.push(`${key}.${n}: ${JSON.stringify(item)} ${key === 'languages' ? 'is not a three-letter language code' : 'is not usable'} and was left out`);
      return ok;
    });
  }
  const parsed = SHAPE[key].safeParse(raw);
  if (parsed.success) return raw;
  warnings.push(`${key}: ${JSON.stringify(raw)} is not valid (${(parsed.error.issues[0]?.message ?? 'wrong type').toLowerCase()}) and was left out`);
  return undefined;
}

function arrayElement(key: Key): z.ZodType | undefined {
  if (key === 'languages') return SHAPE.languages.unwrap().element;
  if (key === 'isbns') return ANY_STRING;
  if (key === 'links') return LinkSchema;
  if (key === 'authors' || key === 'series' || key === 'subjects' || key === 'genres' || key === 'notes' || key === 'altScript') return text;
  return undefined;
}

/** A copy kept whenever it can be: a missing item id is made up, an unknown status shown as available, a bad due date dropped. */
function holding(raw: unknown, fallbackId: string, n: number, warnings: string[]): unknown[] {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
    warnings.push(`holdings.${n}: not a copy (expected an object) and was left out`);
    return [];
  }
  const h = { ...(raw as Record<string, unknown>) };
  if (!text.safeParse(h.itemId).success) h.itemId = fallbackId;
  if (!(STATUSES as readonly unknown[]).includes(h.status)) {
    if (h.status !== undefined) warnings.push(`holdings.${n}.status: ${JSON.stringify(h.status)} is not one of ${STATUSES.join(', ')}; the copy is shown as available`);
    h.status = 'available';
  }
  if (h.dueDate !== undefined && !ISO_DATE.safeParse(h.dueDate).success) {
    warnings.push(`holdings.${n}.dueDate: ${JSON.stringify(h.dueDate)} is not a date (YYYY-MM-DD) and was left out`);
    delete h.dueDate;
  }
  if (unplaced(h)) warnings.push(`holdings.${n}: the copy has no branch; it is kept under "Other locations"`);
  if (typeof h.branch !== 'string') h.branch = '';
  const parsed = HoldingSchema.safeParse(h);
  if (parsed.success) return [h];
  warnings.push(`holdings.${n}: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}; the copy was left out`);
  return [];
}

/** Drop keys whose value is undefined, so equal records compare and hash equal. */
function withoutUndefined<T extends object>(record: T): T {
  const kept: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) if (value !== undefined) kept[key] = value;
  return kept as T;
}
