import type { Document } from 'mongodb';
import type { DailySearches, DemandCount } from '../log-stores.js';

/**
 * Only typed searches' first pages in the range count: paging, sorting and
 * ticking a facet are not new searches. Entries from before issue 17 have no
 * kind and count as typed, as they did.
 */
function searches(from: number, to: number, extra: Document = {}): Document {
  return { $match: { at: { $gte: new Date(from), $lt: new Date(to) }, page: 1, kind: { $ne: 'facet' }, ...extra } };
}

/** Most first; ties by value, in the binary order SQLite uses too. */
function top(limit: number): Document[] {
  return [{ $sort: { searches: -1, _id: 1 } }, { $limit: limit }, { $project: { _id: 0, value: '$_id', searches: 1 } }];
}

/** Searches per UTC day, with how many found nothing. */
export function dailySearchesPipeline(from: number, to: number): Document[] {
  return [
    searches(from, to),
    {
      $group: {
        // No timezone: MongoDB formats dates in UTC, as the embedded store's strftime does.
        _id: { $dateToString: { date: '$at', format: '%Y-%m-%d' } },
        searches: { $sum: 1 },
        zeroResults: { $sum: { $cond: [{ $eq: ['$results', 0] }, 1, 0] } },
      },
    },
    { $sort: { _id: 1 } },
    { $project: { _id: 0, day: '$_id', searches: 1, zeroResults: 1 } },
  ];
}

/**
 * Counts per value, keeping only values searched from at least `minVisits`
 * distinct visits: grouped by value and visit first, so no group holds a set
 * of every visit. A document without a visit key counts as the empty key.
 */
function countedFromVisits(value: string, minVisits: number): Document[] {
  return [
    { $group: { _id: { value, visit: { $ifNull: ['$visit', ''] } }, n: { $sum: 1 } } },
    { $group: { _id: '$_id.value', searches: { $sum: '$n' }, visits: { $sum: 1 } } },
    { $match: { visits: { $gte: minVisits } } },
  ];
}

/** The most searched non-empty queries; with `zeroResults`, only searches that found nothing. */
export function topQueriesPipeline(from: number, to: number, limit: number, zeroResults = false, minVisits = 1): Document[] {
  return [
    searches(from, to, { query: { $ne: '' }, ...(zeroResults ? { results: 0 } : {}) }),
    ...countedFromVisits('$query', minVisits),
    ...top(limit),
  ];
}

/** The filters most often part of a search. */
export function topFiltersPipeline(from: number, to: number, limit: number, minVisits = 1): Document[] {
  const firstPages = { $match: { at: { $gte: new Date(from), $lt: new Date(to) }, page: 1 } };
  return [firstPages, { $unwind: '$filters' }, ...countedFromVisits('$filters', minVisits), ...top(limit)];
}

/** Keeps the fields in the Store's order, whatever order the server returns them in. */
export const readDaily = (d: Document): DailySearches => ({ day: d.day as string, searches: d.searches as number, zeroResults: d.zeroResults as number });
export const readCount = (d: Document): DemandCount => ({ value: d.value as string, searches: d.searches as number });
