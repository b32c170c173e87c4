import { MEDIA_TYPES, type CatalogueRecord, type MediaType } from '../model/record.js';
import type { HoldCounts } from './availability.js';
import { mediaTypeLabel } from './labels.js';
import { recordSummary } from './results-view.js';
import type { SearchState } from './search-state.js';

/**
 * Everything templates/catalogue/work.njk shows: the work's editions by
 * format (in the order the facets list media types), newest first within
 * each, every one with its availability and a link to its record.
 */
export function workView(record: CatalogueRecord, editions: CatalogueRecord[], complete: boolean, state: SearchState, basketIds: ReadonlySet<string>, holds: ReadonlyMap<string, HoldCounts>) {
  const formats = (Object.keys(MEDIA_TYPES) as MediaType[]).flatMap((type) => {
    const ofType = editions.filter((r) => r.mediaType === type);
    if (ofType.length === 0) return [];
    return [{
      type,
      label: mediaTypeLabel(type),
      editions: ofType.map((r) => ({
        ...recordSummary(r, basketIds, holds.get(r.id)),
        href: state.recordHref(r.id),
        publisher: r.publisher,
        extent: r.extent,
      })),
    }];
  });
  return {
    title: record.title,
    author: record.authors[0],
    uniformTitle: record.uniformTitle,
    count: editions.length,
    complete,
    formats,
    formatsText: formats.map((f) => f.label).join(', '),
  };
}
