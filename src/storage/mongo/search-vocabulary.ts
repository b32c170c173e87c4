import type { Document } from 'mongodb';

/** A regex matching words that start with `prefix`, every metacharacter escaped. */
function prefixRegex(prefix: string): RegExp {
  return new RegExp(`^${prefix.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&')}`);
}

/**
 * The catalogue's words starting with `prefix`, with how many records hold
 * each: `_s.any` holds each record's distinct words, so one unwound entry is
 * one record. The anchored regex narrows through the `records_words` index first.
 */
export function vocabularyPipeline(prefix: string, limit: number): Document[] {
  const regex = prefixRegex(prefix);
  return [
    { $match: { '_s.any': regex } },
    { $project: { _id: 0, w: '$_s.any' } },
    { $unwind: '$w' },
    { $match: { w: regex } },
    { $group: { _id: '$w', docs: { $sum: 1 } } },
    { $sort: { _id: 1 } },
    { $limit: limit },
  ];
}
