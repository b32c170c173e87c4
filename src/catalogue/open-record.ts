import type { QueryClause } from '../model/search-query.js';

/**
 * The record id a query names by itself, to open it: a permalink id typed or
 * pasted ("SM001082"), or a whole record link ("https://…/record/SM001082").
 * Null for anything with a space in it.
 */
export function permalinkId(q: string): string | null {
  const text = q.trim();
  if (!text || /\s/.test(text) || text.length > 200) return null;
  const link = /\/record\/([^/?#]+)\/?(?:[?#].*)?$/.exec(text);
  if (!link) return text;
  try {
    return decodeURIComponent(link[1]!);
  } catch {
    return null;
  }
}

/** True when the query is one ISBN and nothing else: a single match then opens the record. */
export function isIsbnOnly(clauses: QueryClause[]): boolean {
  if (clauses.length !== 1) return false;
  const [clause] = clauses;
  return !clause!.exclude && !clause!.or?.length && (clause!.field === 'any' || clause!.field === 'isbn')
    && clause!.words.length === 1 && /^(\d{9}[\dX]|\d{13})$/i.test(clause!.words[0]!);
}
