import { z } from 'zod';
import { MEDIA_TYPES, type CatalogueRecord } from '../catalogue/record.js';
import { normaliseIsbn } from '../text/isbn.js';

/** Limits checked before the schema runs, so a hostile record costs little to refuse. */
export const LIMITS = { textChars: 65_536, values: 1_000, holdings: 10_000 } as const;

const text = z.string().max(LIMITS.textChars, 'longer than 65,536 characters').trim().min(1).transform((s) => s.normalize('NFC'));
const texts = z.array(text).default([]);

const HoldingSchema = z.object({
  itemId: text,
  branch: text,
  shelfmark: z.string().trim().default('').transform((s) => s.normalize('NFC')),
  status: z.enum(['available', 'on-loan', 'reference', 'in-transit', 'missing']),
  dueDate: z.iso.date().optional(),
});

/**
 * Shelfmark's record shape as the JSON and NDJSON imports accept it: arrays
 * may be left out, text is trimmed and NFC-normalised, ISBNs are normalised.
 */
export const RecordSchema = z.object({
  id: text,
  title: text,
  subtitle: text.optional(),
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

/** Validate one record; the reason names the first problem in each bad field ("isbns.0: ..."). */
export function parseRecord(value: unknown): { ok: true; record: CatalogueRecord } | { ok: false; reason: string; id?: string } {
  const id = typeof (value as { id?: unknown })?.id === 'string' ? (value as { id: string }).id.slice(0, 200) : undefined;
  const tooBig = oversized(value);
  if (tooBig) return { ok: false, reason: tooBig, ...(id ? { id } : {}) };
  const result = RecordSchema.safeParse(value);
  if (!result.success) return { ok: false, reason: firstPerField(result.error.issues), ...(id ? { id } : {}) };
  const isbns: string[] = [];
  for (const raw of result.data.isbns) {
    const isbn = normaliseIsbn(raw);
    if (!isbn) return { ok: false, reason: `isbns: "${raw}" is not a valid ISBN`, id: result.data.id };
    if (!isbns.includes(isbn)) isbns.push(isbn);
  }
  return { ok: true, record: withoutUndefined({ ...result.data, isbns }) };
}

/** Drop keys whose value is undefined, so equal records compare and hash equal. */
function withoutUndefined<T extends object>(record: T): T {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined)) as T;
}
