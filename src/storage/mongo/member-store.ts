import { MongoServerError, type Db, type Filter, type IndexDescription } from 'mongodb';
import { DuplicateCard, type Member, type MemberListFilter, type MemberStore } from '../member-stores.js';

type MemberDocument = Omit<Member, 'id'> & { _id: string };

/** The unique card index is what refuses a second member with the same card; the name index serves the console's list. */
export const MEMBER_INDEXES: IndexDescription[] = [
  { name: 'members_card', key: { card: 1 }, unique: true },
  { name: 'members_name', key: { name: 1, card: 1 } },
];

function toMember({ _id, ...rest }: MemberDocument): Member {
  return { id: _id, ...rest };
}

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function listFilter(filter: MemberListFilter): Filter<MemberDocument> {
  const text = filter.text?.trim();
  if (!text) return {};
  return { $or: [{ card: text.toUpperCase() }, { name: { $regex: escapeRegex(text), $options: 'i' } }] };
}

/** Members on MongoDB: one document each, one driver call per method. */
export function createMemberStore(db: Db): MemberStore {
  const members = db.collection<MemberDocument>('members');
  return {
    async add({ id, ...rest }) {
      try {
        await members.insertOne({ _id: id, ...rest });
      } catch (error) {
        if (error instanceof MongoServerError && error.code === 11000 && error.keyPattern?.card) {
          throw new DuplicateCard(`card ${rest.card} already belongs to a member`);
        }
        throw error;
      }
    },
    async get(id) {
      const doc = await members.findOne({ _id: id });
      return doc ? toMember(doc) : null;
    },
    async getByCard(card) {
      const doc = await members.findOne({ card });
      return doc ? toMember(doc) : null;
    },
    async getMany(ids) {
      const found = new Map((await members.find({ _id: { $in: ids } }).toArray()).map((doc) => [doc._id, toMember(doc)]));
      return ids.flatMap((id) => found.get(id) ?? []);
    },
    async list(filter, offset, limit) {
      const where = listFilter(filter);
      const [total, docs] = await Promise.all([
        members.countDocuments(where),
        members.find(where).sort({ name: 1, card: 1 }).skip(offset).limit(limit).toArray(),
      ]);
      return { total, members: docs.map(toMember) };
    },
    async setPinHash(card, pinHash) {
      return (await members.updateOne({ card }, { $set: { pinHash } })).matchedCount === 1;
    },
    async setDisabled(id, at) {
      const update = at === null ? { $unset: { disabledAt: '' as const } } : { $set: { disabledAt: at } };
      return (await members.updateOne({ _id: id }, update)).matchedCount === 1;
    },
    async count() {
      // Only ever asked "any members yet?": the collection's metadata count answers without a scan.
      return members.estimatedDocumentCount();
    },
  };
}
