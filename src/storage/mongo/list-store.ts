import type { Db, IndexDescription } from 'mongodb';
import type { ListStore, SavedList } from '../list-store.js';

type ListDocument = Omit<SavedList, 'id'> & { _id: string };

/** The overview reads one owner's lists, newest change first. */
export const LIST_INDEXES: IndexDescription[] = [{ name: 'lists_owner', key: { ownerId: 1, updatedAt: -1 } }];

/** Saved lists, one document each; every filter names the owner, so another member's list is never matched. */
export function createListStore(db: Db): ListStore {
  const lists = db.collection<ListDocument>('lists');
  return {
    async create({ id, ...rest }) {
      await lists.insertOne({ _id: id, ...rest });
    },
    async get(ownerId, id) {
      const doc = await lists.findOne({ _id: id, ownerId });
      if (!doc) return null;
      const { _id, ...rest } = doc;
      return { id: _id, ...rest };
    },
    async listByOwner(ownerId) {
      const docs = await lists
        .aggregate<ListDocument & { count: number }>([
          { $match: { ownerId } },
          { $sort: { updatedAt: -1, _id: 1 } },
          { $project: { ownerId: 1, name: 1, createdAt: 1, updatedAt: 1, count: { $size: '$recordIds' } } },
        ])
        .toArray();
      return docs.map(({ _id, ownerId: owner, name, createdAt, updatedAt, count }) => ({ id: _id, ownerId: owner, name, createdAt, updatedAt, count }));
    },
    async countByOwner(ownerId) {
      return lists.countDocuments({ ownerId });
    },
    async rename(ownerId, id, name, now) {
      return (await lists.updateOne({ _id: id, ownerId }, { $set: { name, updatedAt: now } })).matchedCount === 1;
    },
    async delete(ownerId, id) {
      return (await lists.deleteOne({ _id: id, ownerId })).deletedCount === 1;
    },
  };
}
