import { hash } from 'node:crypto';
import { isAvailable, NOT_LANGUAGES, type CatalogueRecord } from '../model/record.js';
import type { FacetField } from '../model/search-query.js';
import { foldForSort } from '../text/fold.js';

/** Title sort key: "The Hobbit" files under "hobbit". */
export function titleSortKey(title: string): string {
  return foldForSort(title).replace(/^(the|an|a)\s+/, '').replace(/^[^\p{L}\p{N}]+/u, '');
}

/** Stable hash of a record's content, independent of key order, to detect unchanged re-imports. */
export function contentHash(record: CatalogueRecord): string {
  return hash('sha1', canonicalJson(record), 'base64');
}

/** Each object shape's keys in sorted order: records share a handful of shapes, so each is sorted once. */
const sortedKeys = new Map<string, string[]>();

/**
 * JSON with every object's keys sorted and undefined members left out. Its
 * text is what stored hashes were computed from, so it must never change;
 * it runs once per imported record, so it avoids building entry arrays.
 */
function canonicalJson(value: unknown): string {
  if (typeof value !== 'object' || value === null) return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) {
    let text = '[';
    for (let i = 0; i < value.length; i++) text += (i ? ',' : '') + canonicalJson(value[i]);
    return `${text}]`;
  }
  const keys = Object.keys(value);
  const shape = keys.join('\u0000');
  let sorted = sortedKeys.get(shape);
  if (!sorted) {
    sorted = keys.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    if (sortedKeys.size < 1000) sortedKeys.set(shape, sorted);
  }
  let text = '{';
  for (const key of sorted) {
    const member = (value as Record<string, unknown>)[key];
    if (member === undefined) continue;
    text += `${text.length > 1 ? ',' : ''}${JSON.stringify(key)}:${canonicalJson(member)}`;
  }
  return `${text}}`;
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
