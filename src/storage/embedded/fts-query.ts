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
 * The FTS5 expression as a tree of its phrases, in the order the expression
 * names them: for the engine that scores phrase by phrase (phrase-scores.ts).
 * bm25() adds up one figure per phrase, each depending only on that phrase
 * and the record, so a record's score under the whole expression is the sum,
 * in this order, of its scores under each phrase alone.
 */
export type MatchPlan = { phrase: string } | { all: MatchPlan[] } | { any: MatchPlan[] };

/**
 * A term's phrases, and the column they are limited to: null when it has no
 * searchable word. One word with other forms is `("hobbits" OR "hobbits" OR
 * "hobbit")`: the typed form is named twice because bm25() scores every
 * phrase of the expression, so a record holding the exact form ranks above
 * one holding only another.
 */
function termTree(term: QueryTerm): { column: string | null; tree: MatchPlan } | null {
  const words = term.words.map((w) => compactIsbn(foldForTokenizer(w))).filter(searchable);
  if (words.length === 0) return null;
  const column = COLUMN_OF[term.field];
  const phrase = (text: string): MatchPlan => ({ phrase: quote(text) });
  if (term.phrase) return { column, tree: phrase(words.join(' ')) };
  const forms = words.length === 1 ? (term.forms ?? []) : [];
  const parts = words.map((word): MatchPlan => {
    const others = forms.map((f) => foldForTokenizer(f)).filter((f) => searchable(f) && f !== word);
    return others.length === 0 ? phrase(word) : { any: [word, word, ...others].map(phrase) };
  });
  return { column, tree: parts.length === 1 ? parts[0]! : { all: parts } };
}

/** A tree as FTS5 syntax: `a`, `(a OR b)`, `(a AND b)`. */
function render(tree: MatchPlan): string {
  if ('phrase' in tree) return tree.phrase;
  return 'all' in tree ? `(${tree.all.map(render).join(' AND ')})` : `(${tree.any.map(render).join(' OR ')})`;
}

/** The same tree with the column filter on each phrase, as a phrase searched alone needs it. */
function inColumn(tree: MatchPlan, column: string | null): MatchPlan {
  if (!column) return tree;
  if ('phrase' in tree) return { phrase: `{${column}} : ${tree.phrase}` };
  return 'all' in tree ? { all: tree.all.map((t) => inColumn(t, column)) } : { any: tree.any.map((t) => inColumn(t, column)) };
}

/** A term as an FTS5 expression, or null when it has no searchable word. */
function termExpression(term: QueryTerm): string | null {
  const found = termTree(term);
  return found && `${found.column ? `{${found.column}} : ` : ''}${render(found.tree)}`;
}

/** A term as phrases, each limited to the term's column. */
function termPlan(term: QueryTerm): MatchPlan | null {
  const found = termTree(term);
  return found && inColumn(found.tree, found.column);
}

/** A clause's terms in one form or the other: its term, or any of its terms (`a OR b`). */
function clauseOf<T>(clause: QueryClause, form: (term: QueryTerm) => T | null): T[] {
  return [clause, ...(clause.or ?? [])].map(form).filter((e): e is T => e !== null);
}

/** A clause: its term, or any of its terms (`a OR b`). */
function clauseExpression(clause: QueryClause): string | null {
  const terms = clauseOf(clause, termExpression);
  if (terms.length === 0) return null;
  return terms.length === 1 ? terms[0]! : `(${terms.join(' OR ')})`;
}

/** The clauses as a plan (every clause ANDed), or null when a clause excludes: a NOT is left to FTS5. */
export function toMatchPlan(clauses: QueryClause[]): MatchPlan | null {
  if (clauses.some((c) => c.exclude)) return null;
  const must = clauses.map((clause): MatchPlan | null => {
    const terms = clauseOf(clause, termPlan);
    return terms.length === 0 ? null : terms.length === 1 ? terms[0]! : { any: terms };
  }).filter((p): p is MatchPlan => p !== null);
  if (must.length === 0) return null;
  return must.length === 1 ? must[0]! : { all: must };
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
