import type { QueryClause, QueryTerm, SearchField } from '../../model/search-query.js';
import { foldForTokenizer } from '../../text/fold.js';
import { compactIsbn } from '../../text/isbn.js';

const COLUMN_OF: Record<SearchField, string | null> = {
  any: null,
  title: 'title',
  author: 'author',
  subject: 'subject',
  isbn: 'isbn',
  series: 'series',
};

/** A quoted FTS5 string: the only form member text ever takes, so it can never be syntax. */
function quote(text: string): string {
  return `"${text.replaceAll('"', '""')}"`;
}

/** Words with no letter or digit index to nothing; left in, they would make a clause match nothing. */
function searchable(word: string): boolean {
  return /[\p{L}\p{N}]/u.test(word);
}

/**
 * One word and its other forms: `("hobbits" OR "hobbits" OR "hobbit")`. The
 * typed form is named twice because bm25() scores every phrase of the
 * expression, so a record holding the exact form ranks above one holding only another.
 */
function wordExpression(word: string, forms: string[]): string {
  const others = forms.map((f) => foldForTokenizer(f)).filter((f) => searchable(f) && f !== word);
  if (others.length === 0) return quote(word);
  return `(${[word, word, ...others].map(quote).join(' OR ')})`;
}

/** A term as an FTS5 expression, or null when it has no searchable word. */
function termExpression(term: QueryTerm): string | null {
  const words = term.words.map((w) => compactIsbn(foldForTokenizer(w))).filter(searchable);
  if (words.length === 0) return null;
  const column = COLUMN_OF[term.field];
  const prefix = column ? `{${column}} : ` : '';
  const forms = !term.phrase && words.length === 1 ? (term.forms ?? []) : [];
  const parts = term.phrase ? [quote(words.join(' '))] : words.map((w) => wordExpression(w, forms));
  const joined = parts.length === 1 ? parts[0]! : `(${parts.join(' AND ')})`;
  return prefix + joined;
}

/** A clause: its term, or any of its terms (`a OR b`). */
function clauseExpression(clause: QueryClause): string | null {
  const terms = [clause, ...(clause.or ?? [])].map(termExpression).filter((e): e is string => e !== null);
  if (terms.length === 0) return null;
  return terms.length === 1 ? terms[0]! : `(${terms.join(' OR ')})`;
}

/**
 * The FTS5 MATCH expression for clauses: every clause ANDed, excluded ones
 * taken away with NOT. Null when no clause the record must match has a
 * searchable word: such a query matches nothing (FTS5 cannot start from NOT).
 */
export function toMatchExpression(clauses: QueryClause[]): string | null {
  const must = clauses.filter((c) => !c.exclude).map(clauseExpression).filter((e): e is string => e !== null);
  if (must.length === 0) return null;
  const mustNot = clauses.filter((c) => c.exclude).map(clauseExpression).filter((e): e is string => e !== null);
  const positive = must.join(' AND ');
  if (mustNot.length === 0) return positive;
  return [`(${positive})`, ...mustNot.map((e) => `(${e})`)].join(' NOT ');
}
