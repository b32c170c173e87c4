import type { QueryClause, SearchField } from '../../catalogue/search-query.js';
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
 * The FTS5 MATCH expression for clauses (all ANDed), or null when no clause
 * has a searchable word: such a query matches nothing.
 */
export function toMatchExpression(clauses: QueryClause[]): string | null {
  const parts: string[] = [];
  for (const clause of clauses) {
    const words = clause.words.map((w) => compactIsbn(foldForTokenizer(w))).filter(searchable);
    if (words.length === 0) continue;
    const column = COLUMN_OF[clause.field];
    const prefix = column ? `{${column}} : ` : '';
    const phrases = clause.phrase ? [words.join(' ')] : words;
    for (const phrase of phrases) parts.push(prefix + quote(phrase));
  }
  return parts.length > 0 ? parts.join(' AND ') : null;
}
