import type { CatalogueRecord } from '../model/record.js';
import type { QueryClause, StoreSearchQuery } from '../model/search-query.js';
import type { RecordStore } from '../storage/store.js';
import { foldForSearch } from '../text/fold.js';
import { plainTitle, workKey, workTitle } from './work-key.js';

/**
 * How many of a search's best-ranked records are grouped into works: the
 * store ranks at least this many for any relevance search and keeps them per
 * catalogue version, so grouping them costs no extra ranking. Every page size
 * (10, 20, 50, 100) divides it, so the records past it start a page of their own.
 */
export const GROUP_WINDOW = 100;

/** Every edition of one work a search found, best-ranked first. */
export interface Work {
  key: string;
  editions: CatalogueRecord[];
}

/** Records in rank order as works, each at the place of its best-ranked edition: one pass over at most GROUP_WINDOW records. */
export function groupWorks(records: readonly CatalogueRecord[]): Work[] {
  const works = new Map<string, Work>();
  for (const record of records) {
    const key = workKey(record);
    const work = works.get(key);
    if (work) work.editions.push(record);
    else works.set(key, { key, editions: [record] });
  }
  return [...works.values()];
}

const ISBN = /^(\d{9}[\dX]|\d{13})$/i;

/**
 * True when a search lists works rather than records: plain words ranked by
 * relevance. A field search (`title:`, `author:`, `isbn:`, `series:`), a
 * search with an ISBN in it, a sorted list and browsing list every record,
 * so grouping never hides one from them.
 */
export function listsWorks(query: StoreSearchQuery): boolean {
  if (query.sort !== 'relevance' || query.clauses.length === 0) return false;
  return query.clauses.every((clause) => [clause, ...(clause.or ?? [])].every((term) => term.field === 'any' && !term.words.some((w) => ISBN.test(w))));
}

/** At most this many records are read for one work's editions. */
export const WORK_EDITIONS_LIMIT = 500;

/** Words as the index splits them: folded, letters and digits only. */
const wordsOf = (text: string) => foldForSearch(text).split(/[^\p{L}\p{N}]+/u).filter(Boolean);

/**
 * Every edition of the work a record belongs to, the record among them: one
 * store search for the title's words in the title (which holds the uniform
 * title too) and the first author's surname, kept where the work key matches.
 */
export async function editionsOf(records: Pick<RecordStore, 'search'>, record: CatalogueRecord): Promise<{ editions: CatalogueRecord[]; complete: boolean }> {
  const key = workKey(record);
  // The words of the key's title, so "The Hobbit" also finds "Bilbo le hobbit" filed under the uniform title "Hobbit".
  const title = (record.uniformTitle ? plainTitle(record.uniformTitle) : workTitle(record.title)).split(' ')
    .filter((w) => w && w !== 'and'); // "&" and "and" key alike, but only one of them is in the text
  const surname = wordsOf((record.authors[0] ?? '').split(',')[0]!);
  const clauses: QueryClause[] = [];
  if (title.length > 0) clauses.push({ field: 'title', words: title, phrase: false });
  if (surname.length > 0) clauses.push({ field: 'author', words: surname, phrase: false });
  if (clauses.length === 0) return { editions: [record], complete: true };
  const found = await records.search({ clauses, filters: [], sort: 'newest', offset: 0, limit: WORK_EDITIONS_LIMIT, facetLimit: 0 });
  const editions = found.records.filter((r) => workKey(r) === key);
  if (!editions.some((r) => r.id === record.id)) editions.unshift(record);
  return { editions, complete: found.total <= WORK_EDITIONS_LIMIT };
}
