import { recordSummary } from '../catalogue/results-view.js';
import type { CatalogueRecord } from '../model/record.js';
import type { SavedList, SavedListSummary } from '../storage/list-store.js';

const DATE = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' });

/** A row of the "Your lists" page. */
export function listRow(list: SavedListSummary) {
  return { name: list.name, count: list.count, changed: DATE.format(list.updatedAt), href: `/lists/${encodeURIComponent(list.id)}` };
}

/** Everything templates/lists/show.njk needs; records no longer in the catalogue are counted, not shown. */
export function listView(list: SavedList, records: CatalogueRecord[], basketIds: ReadonlySet<string>) {
  const base = `/lists/${encodeURIComponent(list.id)}`;
  return {
    name: list.name,
    saved: DATE.format(list.createdAt),
    changed: DATE.format(list.updatedAt),
    items: records.map((r) => recordSummary(r, basketIds)),
    missing: list.recordIds.length - records.length,
    actions: { rename: `${base}/rename`, delete: `${base}/delete`, load: `${base}/load` },
  };
}
