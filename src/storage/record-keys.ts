import { createHash } from 'node:crypto';
import { isAvailable, NOT_LANGUAGES, type CatalogueRecord } from '../catalogue/record.js';
import type { FacetField } from '../catalogue/search-query.js';
import { foldForSort } from '../text/fold.js';

/** Title sort key: "The Hobbit" files under "hobbit". */
export function titleSortKey(title: string): string {
  return foldForSort(title).replace(/^(the|an|a)\s+/, '').replace(/^[^\p{L}\p{N}]+/u, '');
}

/** Stable hash of a record's content, independent of key order, to detect unchanged re-imports. */
export function contentHash(record: CatalogueRecord): string {
  return createHash('sha1').update(canonicalJson(record)).digest('base64');
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** C0 control characters (MARC's own field and subfield separators among them). */
const CONTROL_CHARACTERS = /[\u0000-\u001f]/g;

/** Every (field, value) pair a record is counted under in the facets, without duplicates. */
export function facetPairs(record: CatalogueRecord): Array<[FacetField, string]> {
  const pairs = new Map<string, [FacetField, string]>();
  const add = (field: FacetField, raw: string | undefined) => {
    // Control characters mean nothing on a page, and the facet index uses two of them as separators.
    const value = raw?.replace(CONTROL_CHARACTERS, '').trim();
    if (value) pairs.set(`${field}\u0000${value}`, [field, value]);
  };
  add('mediaType', record.mediaType);
  // und, mul and zxx name no language: a member cannot want them as a filter.
  for (const code of record.languages) if (!NOT_LANGUAGES.has(code)) add('language', code);
  if (record.year !== undefined) add('decade', String(Math.floor(record.year / 10) * 10));
  for (const author of record.authors) add('author', author);
  for (const subject of [...record.subjects, ...record.genres]) add('subject', subject);
  for (const holding of record.holdings) add('branch', holding.branch);
  if (isAvailable(record)) add('available', 'yes');
  return [...pairs.values()];
}
