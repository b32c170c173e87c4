import type { CatalogueRecord } from '../model/record.js';
import { foldForSearch } from '../text/fold.js';
import { VersionedCache } from '../storage/versioned-cache.js';

/** Leading articles a title files without, in the catalogue's main languages ("The Hobbit" is "hobbit"). */
const ARTICLE = /^(?:the|an?|les?|la|l|der|die|das|el|los|las|il|lo|gli) /;

/**
 * A title as one work's editions share it: folded, without a subtitle
 * (after " : ", " / " or " = "), without a leading article, "&" as "and",
 * and only letters, digits and single spaces left.
 */
export function workTitle(title: string): string {
  return plainTitle(title.split(/\s[:/=]\s|:\s/)[0] ?? title);
}

/** Folded, without a leading article, letters and digits as words (as the index splits them) with single spaces. */
export function plainTitle(main: string): string {
  const folded = foldForSearch(main).replace(/&/g, ' and ').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  return folded.replace(ARTICLE, '');
}

/**
 * An author as every edition names them: "Tolkien, J. R. R. (John Ronald
 * Reuel), 1892-1973" and "Tolkien, J.R.R." are both "tolkienjrr" (surname
 * and forename only, letters only).
 */
export function workAuthor(author: string | undefined): string {
  const name = (author ?? '').replace(/\([^)]*\)/g, '').split(',').slice(0, 2).join(' ');
  return foldForSearch(name).replace(/[^\p{L}]+/gu, '');
}

/**
 * Keys worked out lately, by what they are made from. Every search that lists
 * works groups its best 100 records, and folding and cutting their titles and
 * authors afresh each time was 0.35 ms of the serving thread's 4 ms for a
 * results page; the same records come back search after search. A key
 * depends on its record alone, so the cache's version never changes.
 */
const knownKeys = new VersionedCache<string>(20_000);

/**
 * The key that makes records one work: the uniform title (MARC 130/240)
 * where the record has one, else its title, normalised as above, with the
 * first author's name. Editions, formats and translations filed under one
 * uniform title share it; a film of a novel (its director as author) does not.
 */
export function workKey(record: Pick<CatalogueRecord, 'title' | 'uniformTitle' | 'authors'>): string {
  const uniform = record.uniformTitle ?? '';
  // Lengths first, so no uniform title and title can run together into another pair.
  const from = `${uniform.length}:${uniform}${record.title.length}:${record.title}${record.authors[0] ?? ''}`;
  return knownKeys.read(0, from, () => keyOf(record));
}

function keyOf(record: Pick<CatalogueRecord, 'title' | 'uniformTitle' | 'authors'>): string {
  // A uniform title has no subtitle to cut: "Emma (Motion picture : 2020)" keeps its qualifier.
  const title = record.uniformTitle ? plainTitle(record.uniformTitle) : workTitle(record.title);
  return `${title}|${workAuthor(record.authors[0])}`;
}
