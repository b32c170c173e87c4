import type { FacetField } from '../../model/search-query.js';

/**
 * A record's facet values as the store keeps them, in `records.facet_pairs`:
 * "field<US>value" pairs joined by <RS>, two control characters facetPairs()
 * never lets into a value. One string a record is cheap to write, to post
 * between threads and to read back; the facet index (facet-index.ts) splits it.
 */
export const UNIT_SEPARATOR = '\u001f';
export const RECORD_SEPARATOR = '\u001e';

/** The stored form of a record's (field, value) pairs; '' for none. */
export function joinFacetPairs(pairs: ReadonlyArray<readonly [FacetField, string]>): string {
  let joined = '';
  for (let i = 0; i < pairs.length; i++) joined += `${i === 0 ? '' : RECORD_SEPARATOR}${pairs[i]![0]}${UNIT_SEPARATOR}${pairs[i]![1]}`;
  return joined;
}

/** The "field<US>value" pairs of a stored form. */
export function splitFacetPairs(joined: string): string[] {
  return joined === '' ? [] : joined.split(RECORD_SEPARATOR);
}
