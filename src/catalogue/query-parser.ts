import type { QueryClause, QueryTerm, SearchField } from '../model/search-query.js';
import type { MediaType } from '../model/record.js';
import { words } from '../text/fold.js';
import { isbnWords, isIsbnLike, joinSpacedIsbns } from '../text/isbn.js';
import { formatWordAt } from './format-words.js';

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

/** What a member typed, read: clauses for the store, and the media types named by format words ("dvd", "large print"). */
export interface ParsedQuery {
  clauses: QueryClause[];
  mediaTypes: MediaType[];
  /** True when the member typed a field name (`title:`): only then does the no-results advice talk about fields. */
  usedField: boolean;
}

/** One piece of the input as typed: a word or "phrase", maybe with a field, maybe negated. */
interface Token {
  negated: boolean;
  prefix?: string;
  quoted?: string;
  bare?: string;
}

/**
 * Parse what a member typed into clauses: bare words, "quoted phrases", field
 * searches (`title:emma`, `author:"jane austen"`), `-word` and `NOT word` to
 * leave records out, `a OR b` to widen, words ANDed otherwise. Anything else
 * is plain text, so no input is ever query syntax for the store.
 */
export function parseQuery(input: string): QueryClause[] {
  return parseSearch(input).clauses;
}

/** The full reading of a query, with the clause limit applied. */
export function parseSearch(input: string): ParsedQuery {
  const parsed = parseAll(input);
  return { ...parsed, clauses: parsed.clauses.slice(0, MAX_CLAUSES) };
}

/** Every distinct clause in the (length-capped) input, before the clause limit is applied: a word said twice asks nothing more. */
export function parseAllClauses(input: string): QueryClause[] {
  return parseAll(input).clauses;
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const pattern = /(-)?(?:([A-Za-z]+):)?(?:"([^"]*)"?|(\S+))/g;
  for (const [, minus, prefix, quoted, bare] of text.matchAll(pattern)) {
    // A lone "-" or a word starting with several is no operator: "-" alone reads as nothing.
    if (minus && bare === undefined && quoted === undefined) continue;
    tokens.push({ negated: Boolean(minus), prefix, quoted, bare });
  }
  return tokens;
}

/** A token as a term: its field, its words (folded as the index reads them), phrase or not. Null when it has no word. */
function termOf(token: Token): QueryTerm | null {
  const field = token.prefix ? FIELDS[token.prefix.toLowerCase()] : undefined;
  const text = token.quoted ?? token.bare ?? '';
  // An unknown prefix ("foo:bar") is just words.
  const body = field || !token.prefix ? text : `${token.prefix} ${text}`;
  const looksLikeIsbn = token.quoted === undefined && isIsbnLike(body);
  const found = field === 'isbn' || looksLikeIsbn ? isbnWords(body) : words(body);
  if (found.length === 0) return null;
  return { field: field ?? 'any', words: found, phrase: token.quoted !== undefined && found.length > 1 };
}

const isOperator = (token: Token | undefined, op: 'OR' | 'NOT') =>
  token !== undefined && !token.negated && !token.prefix && token.bare === op;

function parseAll(input: string): ParsedQuery {
  const tokens = tokenize(joinSpacedIsbns(input.slice(0, MAX_QUERY_LENGTH)));
  const clauses: QueryClause[] = [];
  const mediaTypes: MediaType[] = [];
  let usedField = false;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (isOperator(token, 'OR')) continue; // with nothing before it to widen
    let negated = token.negated;
    let at = i;
    if (isOperator(token, 'NOT') && i + 1 < tokens.length && !isOperator(tokens[i + 1], 'OR')) {
      negated = true;
      at = ++i;
    }
    const format = negated ? null : formatWordAt(tokens.map((t) => (!t.negated && !t.prefix ? t.bare ?? null : null)), at);
    if (format) {
      mediaTypes.push(format.mediaType);
      i = at + format.length - 1;
      continue;
    }
    const first = termOf(tokens[at]!);
    if (tokens[at]!.prefix && FIELDS[tokens[at]!.prefix!.toLowerCase()]) usedField = true;
    const alternatives: QueryTerm[] = [];
    // "a OR b OR c": one clause any of whose terms may match. A negated word never joins one.
    while (!negated && isOperator(tokens[i + 1], 'OR') && tokens[i + 2] && !tokens[i + 2]!.negated) {
      const next = termOf(tokens[i + 2]!);
      if (tokens[i + 2]!.prefix && FIELDS[tokens[i + 2]!.prefix!.toLowerCase()]) usedField = true;
      if (next) alternatives.push(next);
      i += 2;
    }
    const [head, ...rest] = [first, ...alternatives].filter((t): t is QueryTerm => t !== null);
    if (!head) continue;
    if (rest.length > 0) clauses.push({ ...head, or: rest });
    else if (negated) clauses.push({ ...head, exclude: true });
    else if (head.phrase || head.field !== 'any') clauses.push(head);
    else for (const word of head.words) clauses.push({ field: 'any', words: [word], phrase: false });
  }
  const seen = new Set<string>();
  const distinct = clauses.filter((c) => {
    const key = JSON.stringify(c);
    return !seen.has(key) && Boolean(seen.add(key));
  });
  return { clauses: distinct, mediaTypes: [...new Set(mediaTypes)], usedField };
}
