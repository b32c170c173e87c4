import type { RecordStore } from '../storage/store.js';
import type { FacetCount, FacetField, StoreSearchQuery } from '../model/search-query.js';

/** Per field with a value ticked: what ticking each other value would add to the results. */
export type FacetAdds = Partial<Record<FacetField, FacetCount[]>>;

/**
 * Multi-select facets (disjunctive faceting, as Solr's tag/exclude and VuFind's
 * multiselect facets count them), with counts that are exactly what a click
 * gives. Values of one field OR, so once a field has a value ticked, ticking
 * another widens the results by the records that hold it but none of the
 * ticked ones. That is the field counted under the other fields' filters,
 * leaving out the records already shown: one count-only store search per
 * field with a selection, run side by side.
 */
export async function facetAdds(records: Pick<RecordStore, 'search'>, query: StoreSearchQuery): Promise<{ adds: FacetAdds; estimated: boolean }> {
  const fields = [...new Set(query.filters.map((f) => f.field))];
  if (query.facetLimit <= 0 || fields.length === 0) return { adds: {}, estimated: false };
  const counted = await Promise.all(fields.map(async (field) => {
    const result = await records.search({
      ...query,
      filters: query.filters.filter((f) => f.field !== field),
      exclude: query.filters.filter((f) => f.field === field),
      offset: 0,
      limit: 0,
    });
    return { field, values: result.facets[field], estimated: Boolean(result.facetsEstimated) };
  }));
  return {
    adds: Object.fromEntries(counted.map(({ field, values }) => [field, values])),
    estimated: counted.some((c) => c.estimated),
  };
}
