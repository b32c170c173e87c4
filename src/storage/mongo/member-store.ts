import { MongoServerError, type Db, type IndexDescription } from 'mongodb';
import { DuplicateCard, type Member, type MemberStore } from '../member-stores.js';

type MemberDocument = Omit<Member, 'id'> & { _id: string };

/** The unique card index is what refuses a second member with the same card. */
export const MEMBER_INDEXES: IndexDescription[] = [{ name: 'members_card', key: { card: 1 }, unique: true }];

function toMember({ _id, ...rest }: MemberDocument): Member {
  return { id: _id, ...rest };
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
    async setPinHash(card, pinHash) {
      return (await members.updateOne({ card }, { $set: { pinHash } })).matchedCount === 1;
    },
    async count() {
      // Only ever asked "any members yet?": the collection's metadata count answers without a scan.
      return members.estimatedDocumentCount();
    },
  };
}
