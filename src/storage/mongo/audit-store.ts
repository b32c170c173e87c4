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
    ...(filter.person
      ? { $or: [{ card: { $in: filter.person.cards } }, { memberId: { $in: filter.person.memberIds } }, { target: { $in: filter.person.memberIds } }] }
      : {}),
  };
}

/** Entries after `last` in newest-first order: an earlier time, or the same time and a smaller `_id`. */
export function afterKey(last: { at: Date; _id: unknown }): Filter<AuditDocument> {
  return { $or: [{ at: { $lt: last.at } }, { at: last.at, _id: { $lt: last._id } }] } as Filter<AuditDocument>;
}

const NEWEST_FIRST = { at: -1, _id: -1 } as const;
const toEntry = ({ _id, at, ...rest }: AuditDocument & { _id?: unknown }): AuditEntry => ({ ...rest, at: at.getTime() });

/** The audit log on MongoDB: insert, count + find for a page, key-ranged finds for an export, deleteMany by age. */
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
        audit.find(query).sort(NEWEST_FIRST).skip(offset).limit(limit).toArray(),
      ]);
      return { total, entries: docs.map(toEntry) };
    },
    async *export(filter, batchSize = 2000) {
      const query = toFilter(filter);
      for (let last: { at: Date; _id: unknown } | undefined; ;) {
        const docs = await audit.find(last ? { $and: [query, afterKey(last)] } : query).sort(NEWEST_FIRST).limit(batchSize).toArray();
        if (docs.length > 0) yield docs.map(toEntry);
        if (docs.length < batchSize) return;
        last = docs[docs.length - 1];
      }
    },
    async deleteOlderThan(cutoff) {
      return (await audit.deleteMany({ at: { $lt: new Date(cutoff) } })).deletedCount;
    },
  };
}
