import type { Db, Filter, IndexDescription } from 'mongodb';
import type { AuditEntry, AuditFilter, AuditStore } from '../log-stores.js';

type AuditDocument = Omit<AuditEntry, 'at'> & { at: Date };

/** Newest first with `_id` breaking ties, for the whole log, one card, or one member: each list's sort is an index walk. */
export const AUDIT_INDEXES: IndexDescription[] = [
  { name: 'audit_at', key: { at: -1, _id: -1 } },
  { name: 'audit_card', key: { card: 1, at: -1, _id: -1 } },
  { name: 'audit_member', key: { memberId: 1, at: -1, _id: -1 } },
];

function toFilter(filter: AuditFilter): Filter<AuditDocument> {
  const at = {
    ...(filter.from !== undefined ? { $gte: new Date(filter.from) } : {}),
    ...(filter.to !== undefined ? { $lt: new Date(filter.to) } : {}),
  };
  return {
    ...(filter.card !== undefined ? { card: filter.card } : {}),
    ...(filter.memberId !== undefined ? { memberId: filter.memberId } : {}),
    ...(filter.action !== undefined ? { action: filter.action } : {}),
    ...(Object.keys(at).length ? { at } : {}),
  };
}

/** The audit log on MongoDB: insert, count + find for a page, deleteMany by age. */
export function createAuditStore(db: Db): AuditStore {
  const audit = db.collection<AuditDocument>('audit');
  return {
    async append(entry) {
      await audit.insertOne({ ...entry, at: new Date(entry.at) });
    },
    async list(filter, offset, limit) {
      const query = toFilter(filter);
      const [total, docs] = await Promise.all([
        audit.countDocuments(query),
        audit.find(query, { projection: { _id: 0 } }).sort({ at: -1, _id: -1 }).skip(offset).limit(limit).toArray(),
      ]);
      return { total, entries: docs.map((d) => ({ ...d, at: d.at.getTime() })) };
    },
    async deleteOlderThan(cutoff) {
      return (await audit.deleteMany({ at: { $lt: new Date(cutoff) } })).deletedCount;
    },
  };
}
