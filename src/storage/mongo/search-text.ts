import type { CatalogueRecord } from '../../model/record.js';
import { FTS_COLUMNS, ftsValues } from '../search-columns.js';
import { foldForSearch } from '../../text/fold.js';

/** The searchable columns, shared with the embedded store so both adapters search the same text. */
export type SearchColumn = (typeof FTS_COLUMNS)[number]['name'];
export const SEARCH_COLUMNS: SearchColumn[] = FTS_COLUMNS.map((c) => c.name);

/** Words as both adapters index them: runs of letters, marks and digits, folded; marks alone are no word. */
export function tokens(text: string): string[] {
  return (foldForSearch(text).match(/[\p{L}\p{N}\p{M}]+/gu) ?? []).filter((t) => /[\p{L}\p{N}]/u.test(t));
}

/**
 * The search copy kept on each record document. `_s` holds the distinct
 * tokens per column (for `$all` word matches) plus `any`, their union; `_p`
 * holds each column's tokens joined by single spaces, for phrase matches and
 * for the text index, which ranks by how often and how densely words occur.
 */
export interface SearchCopy {
  _s: Record<SearchColumn | 'any', string[]>;
  _p: Record<SearchColumn, string>;
}

export function searchCopy(record: CatalogueRecord): SearchCopy {
  const values = ftsValues(record);
  const perColumn = SEARCH_COLUMNS.map((column, i) => [column, tokens(values[i] ?? '')] as const);
  const unique = (list: string[]) => [...new Set(list)];
  return {
    _s: {
      ...Object.fromEntries(perColumn.map(([column, list]) => [column, unique(list)])),
      any: unique(perColumn.flatMap(([, list]) => list)),
    } as SearchCopy['_s'],
    _p: Object.fromEntries(perColumn.map(([column, list]) => [column, list.join(' ')])) as SearchCopy['_p'],
  };
}
