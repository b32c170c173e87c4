import type { Db, Document, IndexDescription } from 'mongodb';
import type { DailyVisits, VisitStore } from '../store.js';

/** One document per visitor and day; the `_id` makes a repeat visit on the same day a no-op. */
export interface VisitDocument {
  _id: string;
  day: string;
  visitor: string;
}

/** Days are scanned by range; "returning" looks the visitor up on earlier days. */
export const VISIT_INDEXES: IndexDescription[] = [
  { name: 'visits_day', key: { day: 1 } },
  { name: 'visits_visitor_day', key: { visitor: 1, day: 1 } },
];

/** What the pipeline yields per day. */
export interface DailyVisitsRow {
  _id: string;
  visitors: number;
  returning: number;
}

/** Per day in range: distinct visitors (one document each), and those with a document on an earlier day. */
export function dailyVisitsPipeline(from: string, to: string): Document[] {
  return [
    { $match: { day: { $gte: from, $lte: to } } },
    {
      $lookup: {
        from: 'visits',
        let: { visitor: '$visitor', day: '$day' },
        pipeline: [
          { $match: { $expr: { $and: [{ $eq: ['$visitor', '$$visitor'] }, { $lt: ['$day', '$$day'] }] } } },
          { $limit: 1 },
        ],
        as: 'earlier',
      },
    },
    {
      $group: {
        _id: '$day',
        visitors: { $sum: 1 },
        returning: { $sum: { $cond: [{ $gt: [{ $size: '$earlier' }, 0] }, 1, 0] } },
      },
    },
    { $sort: { _id: 1 } },
  ];
}

/** One pipeline row as the Store reports it. */
export function readDailyVisits(row: DailyVisitsRow): DailyVisits {
  return { day: row._id, visitors: row.visitors, returning: row.returning };
}

/** Anonymous visitor counts on MongoDB, with the same answers as the embedded store. */
export function createVisitStore(db: Db): VisitStore {
  const visits = db.collection<VisitDocument>('visits');
  return {
    async record(visitorKey, day) {
      await visits.updateOne({ _id: `${day}:${visitorKey}` }, { $setOnInsert: { day, visitor: visitorKey } }, { upsert: true });
    },
    async daily(from, to) {
      const rows = await visits.aggregate<DailyVisitsRow>(dailyVisitsPipeline(from, to)).toArray();
      return rows.map(readDailyVisits);
    },
  };
}
