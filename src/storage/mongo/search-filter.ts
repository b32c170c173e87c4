import type { Document } from 'mongodb';
import { FACET_FIELDS, type FacetFilter, type QueryClause, type QueryTerm, type SearchField } from '../../model/search-query.js';
import { SEARCH_COLUMNS, tokens, type SearchColumn } from './search-text.js';
import { compactIsbn } from '../../text/isbn.js';

const COLUMN_OF: Record<SearchField, SearchColumn | 'any'> = {
  any: 'any',
  title: 'title',
  author: 'author',
  subject: 'subject',
  isbn: 'isbn',
  series: 'series',
};

/** A phrase as a regex over a column's space-joined tokens, every metacharacter escaped. */
export function phraseRegex(words: string[]): RegExp {
  const escaped = words.map((w) => w.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&'));
  return new RegExp(`(?:^| )${escaped.join(' ')}(?: |$)`);
}

/** A term's words as index tokens: one unit per typed word (a word that folds to several tokens is a phrase of them). */
function unitsOf(term: QueryTerm): string[][] {
  const units = term.words.map((w) => tokens(compactIsbn(w.normalize('NFC')))).filter((t) => t.length > 0);
  return term.phrase && units.length > 0 ? [units.flat()] : units;
}

/** A term as a condition: every unit must match; a single word matches in any of its forms. */
function termCondition(term: QueryTerm): { condition: Document; words: string[] } | null {
  const column = COLUMN_OF[term.field];
  const units = unitsOf(term);
  if (units.length === 0) return null;
  const forms = !term.phrase && units.length === 1 && units[0]!.length === 1
    ? [...new Set((term.forms ?? []).flatMap((f) => tokens(f)))].filter((f) => f !== units[0]![0]) : [];
  const conditions = units.map((unit) => {
    if (unit.length > 1) return phraseCondition(column, unit);
    return { [`_s.${column}`]: forms.length > 0 ? { $in: [unit[0]!, ...forms] } : unit[0]! };
  });
  return { condition: conditions.length === 1 ? conditions[0]! : { $and: conditions }, words: [...units.flat(), ...forms] };
}

/** True when a clause is one or more plain words that must all be present: these combine into one `$all` per column. */
const isPlain = (clause: QueryClause) => !clause.exclude && !clause.or?.length && !clause.forms?.length;

/**
 * What the clauses ask of a record, as a filter on the search copy, plus the
 * words for `$text` (which ranks, and narrows through the index). Every
 * clause must match, and an excluded one must not; a clause with `or` terms
 * matches when any does; a word must be one of the column's tokens (or one of
 * its other forms); a phrase (or a word that folds to several tokens, as FTS5
 * reads it) must be adjacent tokens in one column. Null when no clause a
 * record must match has a searchable word: like the embedded store, such a
 * query matches nothing.
 */
export function clauseFilter(clauses: QueryClause[]): { filter: Document; words: string[] } | null {
  const single = new Map<SearchColumn | 'any', Set<string>>();
  const phrases: Array<{ column: SearchColumn | 'any'; unit: string[] }> = [];
  const others: Document[] = [];
  const excluded: Document[] = [];
  const words: string[] = [];
  for (const clause of clauses) {
    if (isPlain(clause)) {
      const column = COLUMN_OF[clause.field];
      for (const unit of unitsOf(clause)) {
        if (unit.length === 1) single.set(column, (single.get(column) ?? new Set()).add(unit[0]!));
        else phrases.push({ column, unit });
      }
      continue;
    }
    const terms = [clause, ...(clause.or ?? [])].map(termCondition).filter((t) => t !== null);
    if (terms.length === 0) continue;
    const condition = terms.length === 1 ? terms[0]!.condition : { $or: terms.map((t) => t.condition) };
    if (clause.exclude) excluded.push(condition);
    else {
      others.push(condition);
      words.push(...terms.flatMap((t) => t.words));
    }
  }
  if (single.size === 0 && phrases.length === 0 && others.length === 0) return null;
  const conditions = [
    ...[...single].map(([column, set]) => ({ [`_s.${column}`]: { $all: [...set] } })),
    ...phrases.map(({ column, unit }) => phraseCondition(column, unit)),
    ...others,
    ...(excluded.length > 0 ? [{ $nor: excluded }] : []),
  ];
  const plainWords = [...single.values()].flatMap((set) => [...set]).concat(phrases.flatMap((p) => p.unit));
  return { filter: { $and: conditions }, words: [...new Set([...plainWords, ...words])] };
}

/** A phrase in one column, or (for a plain phrase) in any one column, as FTS5 matches it. */
function phraseCondition(column: SearchColumn | 'any', unit: string[]): Document {
  const regex = phraseRegex(unit);
  if (column !== 'any') return { [`_p.${column}`]: regex };
  return { $or: SEARCH_COLUMNS.map((c) => ({ [`_p.${c}`]: regex })) };
}

/** Values per known facet field; only known fields ever become paths, so a crafted name never reaches the query as an operator. */
function byField(filters: FacetFilter[]): Map<string, string[]> {
  const groups = new Map<string, Set<string>>();
  for (const { field, value } of filters) {
    if (FACET_FIELDS.includes(field)) groups.set(field, (groups.get(field) ?? new Set()).add(String(value)));
  }
  return new Map([...groups].map(([field, values]) => [field, [...values]]));
}

/**
 * Filters as `$in` per facet field: values of one field OR, fields AND; and
 * `exclude` as `$nin`, leaving out records holding any of those values.
 */
export function facetFilter(filters: FacetFilter[], exclude: FacetFilter[] = []): Document {
  const conditions: Record<string, Document> = {};
  for (const [field, values] of byField(filters)) conditions[`_f.${field}`] = { $in: values };
  for (const [field, values] of byField(exclude)) conditions[`_f.${field}`] = { ...conditions[`_f.${field}`], $nin: values };
  return conditions;
}
