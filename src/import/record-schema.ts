import { z } from 'zod';
import { MEDIA_TYPES, type CatalogueRecord } from '../catalogue/record.js';
import { normaliseIsbn } from '../text/isbn.js';

const text = z.string().trim().min(1).transform((s) => s.normalize('NFC'));
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

/** Validate one record; the reason names each bad field ("isbns.0: ..."). */
export function parseRecord(value: unknown): { ok: true; record: CatalogueRecord } | { ok: false; reason: string; id?: string } {
  const result = RecordSchema.safeParse(value);
  const id = typeof (value as { id?: unknown })?.id === 'string' ? (value as { id: string }).id : undefined;
  if (!result.success) {
    const reason = result.error.issues.map((i) => `${i.path.join('.') || 'record'}: ${i.message}`).join('; ');
    return { ok: false, reason, ...(id ? { id } : {}) };
  }
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
