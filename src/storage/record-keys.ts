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
  return hashOfCanonical(canonicalJson(record));
}

/** contentHash() of the record whose canonicalJson() this is. */
export function hashOfCanonical(canonical: string): string {
  return hash('sha1', canonical, 'base64');
}

/**
 * Each object shape's keys in sorted order: records share a handful of
 * shapes, so each is sorted once. Shapes are found by key count, then key by
 * key (property names are interned, so each comparison is cheap).
 */
const shapes = new Map<number, Array<{ keys: string[]; sorted: string[] }>>();
let shapeCount = 0;

function sortedKeysOf(keys: string[]): string[] {
  const known = shapes.get(keys.length);
  if (known) {
    for (const shape of known) {
      let i = 0;
      while (i < keys.length && keys[i] === shape.keys[i]) i++;
      if (i === keys.length) return shape.sorted;
    }
  }
  const sorted = [...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  if (shapeCount < 1000) {
    shapeCount++;
    if (known) known.push({ keys, sorted });
    else shapes.set(keys.length, [{ keys, sorted }]);
  }
  return sorted;
}

/**
 * JSON with every object's keys sorted and undefined members left out. Its
 * text is what stored hashes were computed from, so it must never change
 * (slowCanonicalJson below is its definition). It runs once per imported
 * record, so it copies the record with its keys in sorted order and lets
 * the native JSON.stringify write that copy: five times faster than
 * writing each member in script. Whatever the copy cannot stand for
 * exactly (a key the engine would put first because it looks like an array
 * index, `__proto__`, a value that is not plain JSON data) takes the slow way.
 */
export function canonicalJson(value: unknown): string {
  const copy = sortedCopy(value);
  return copy === NOT_PLAIN ? slowCanonicalJson(value) : (JSON.stringify(copy) ?? 'null');
}

const NOT_PLAIN = Symbol('not plain JSON data');

function sortedCopy(value: unknown): unknown {
  switch (typeof value) {
    case 'string':
    case 'number':
    case 'boolean':
    case 'undefined':
      return value;
    case 'object':
      break;
    default:
      return NOT_PLAIN;
  }
  if (value === null) return null;
  if (Array.isArray(value)) {
    let copy: unknown[] | null = null;
    for (let i = 0; i < value.length; i++) {
      const member: unknown = value[i];
      if (typeof member !== 'object' || member === null) {
        if (typeof member !== 'string' && typeof member !== 'number' && typeof member !== 'boolean' && member !== null && member !== undefined) return NOT_PLAIN;
        continue;
      }
      const sorted = sortedCopy(member);
      if (sorted === NOT_PLAIN) return NOT_PLAIN;
      (copy ??= value.slice())[i] = sorted;
    }
    return copy ?? value;
  }
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return NOT_PLAIN;
  const copy: Record<string, unknown> = {};
  for (const key of sortedKeysOf(Object.keys(value))) {
    // The engine writes keys like "0" or "12" first, whatever their order: not canonical.
    const first = key.charCodeAt(0);
    if ((first >= 48 && first <= 57) || key === '__proto__') return NOT_PLAIN;
    const member = sortedCopy((value as Record<string, unknown>)[key]);
    if (member === NOT_PLAIN) return NOT_PLAIN;
    if (member !== undefined) copy[key] = member;
  }
  return copy;
}

/** The canonical JSON written member by member: the definition canonicalJson must match, byte for byte. */
export function slowCanonicalJson(value: unknown): string {
  if (typeof value !== 'object' || value === null) return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) {
    let text = '[';
    for (let i = 0; i < value.length; i++) text += (i ? ',' : '') + slowCanonicalJson(value[i]);
    return `${text}]`;
  }
  let text = '{';
  for (const key of sortedKeysOf(Object.keys(value))) {
    const member = (value as Record<string, unknown>)[key];
    if (member === undefined) continue;
    text += `${text.length > 1 ? ',' : ''}${JSON.stringify(key)}:${slowCanonicalJson(member)}`;
  }
  return `${text}}`;
}

/** C0 control characters (MARC's own field and subfield separators among them). */
const CONTROL_CHARACTERS = /[\u0000-\u001f]/g;

/** Every (field, value) pair a record is counted under in the facets, without duplicates. */
export function facetPairs(record: CatalogueRecord): Array<[FacetField, string]> {
  const pairs = new Map<string, [FacetField, string]>();
  addPair(pairs, 'mediaType', record.mediaType);
  // und, mul and zxx name no language: a member cannot want them as a filter.
  for (const code of record.languages) if (!NOT_LANGUAGES.has(code)) addPair(pairs, 'language', code);
  if (record.year !== undefined) addPair(pairs, 'decade', String(Math.floor(record.year / 10) * 10));
  for (const author of record.authors) addPair(pairs, 'author', author);
  for (const subject of record.subjects) addPair(pairs, 'subject', subject);
  for (const genre of record.genres) addPair(pairs, 'subject', genre);
  for (const holding of record.holdings) addPair(pairs, 'branch', holding.branch);
  if (isAvailable(record)) addPair(pairs, 'available', 'yes');
  return [...pairs.values()];
}

/**
 * One pair into facetPairs' map. A module function, not a closure made per
 * record: tsx (npm run seed) names every closure as it is made, which cost
 * the import's reading thread about 2 µs a record.
 */
function addPair(pairs: Map<string, [FacetField, string]>, field: FacetField, raw: string | undefined): void {
  // Control characters mean nothing on a page, and the facet index uses two of them as separators.
  const value = raw?.replace(CONTROL_CHARACTERS, '').trim();
  if (value) pairs.set(`${field}\u0000${value}`, [field, value]);
}
