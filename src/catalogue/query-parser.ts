import type { QueryClause, SearchField } from './search-query.js';
import { words } from '../text/fold.js';
import { isbnWords, isIsbnLike } from '../text/isbn.js';

/** Longest query we read; the rest is ignored rather than refused. */
export const MAX_QUERY_LENGTH = 300;
/** More clauses than this are refused with a message (catalogue/request-limits.ts). */
export const MAX_CLAUSES = 16;
const FIELDS: Record<string, SearchField> = {
  title: 'title',
  author: 'author',
  subject: 'subject',
  isbn: 'isbn',
  series: 'series',
};

/**
 * Parse what a member typed into clauses: bare words, "quoted phrases" and
 * field searches (`title:emma`, `author:"jane austen"`). Anything else is
 * treated as plain text, so no input is ever query syntax for the store.
 */
export function parseQuery(input: string): QueryClause[] {
  return parseAllClauses(input).slice(0, MAX_CLAUSES);
}

/** Every distinct clause in the (length-capped) input, before the clause limit is applied: a word said twice asks nothing more. */
export function parseAllClauses(input: string): QueryClause[] {
  const text = input.slice(0, MAX_QUERY_LENGTH);
  const clauses: QueryClause[] = [];
  const pattern = /(?:([A-Za-z]+):)?(?:"([^"]*)"?|(\S+))/g;
  for (const match of text.matchAll(pattern)) {
    const [, prefix, quoted, bare] = match;
    const field = prefix ? FIELDS[prefix.toLowerCase()] : undefined;
    // An unknown prefix ("foo:bar") is just words.
    const body = field || !prefix ? (quoted ?? bare ?? '') : `${prefix} ${quoted ?? bare ?? ''}`;
    const looksLikeIsbn = !quoted && isIsbnLike(body);
    const found = field === 'isbn' || looksLikeIsbn ? isbnWords(body) : words(body);
    if (found.length === 0) continue;
    const isPhrase = quoted !== undefined && found.length > 1;
    if (isPhrase || field) {
      clauses.push({ field: field ?? 'any', words: found, phrase: isPhrase });
    } else {
      for (const word of found) clauses.push({ field: 'any', words: [word], phrase: false });
    }
  }
  const seen = new Set<string>();
  return clauses.filter((c) => {
    const key = JSON.stringify(c);
    return !seen.has(key) && Boolean(seen.add(key));
  });
}
