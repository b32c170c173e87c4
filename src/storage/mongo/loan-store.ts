import type { Db, IndexDescription } from 'mongodb';
import type { Loan, LoanStore } from '../member-stores.js';

type LoanDocument = Loan & { _id: string };

export const LOAN_INDEXES: IndexDescription[] = [{ name: 'loans_member', key: { memberId: 1, dueDate: 1 } }];

/** Demo loans, keyed by member and copy so loading them twice changes nothing. */
export function createLoanStore(db: Db): LoanStore {
  const loans = db.collection<LoanDocument>('loans');
  return {
    async add(list) {
      if (list.length === 0) return;
      await loans.bulkWrite(
        list.map((loan) => {
          const _id = `${loan.memberId}:${loan.itemId}`;
          return { replaceOne: { filter: { _id }, replacement: { _id, ...loan }, upsert: true } };
        }),
        { ordered: false },
      );
    },
    async listForMember(memberId) {
      const docs = await loans.find({ memberId }, { projection: { _id: 0 } }).sort({ dueDate: 1, itemId: 1 }).toArray();
      return docs;
    },
  };
}
