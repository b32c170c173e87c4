import type { Database } from 'better-sqlite3';
import type { Loan, LoanStore } from '../member-stores.js';

interface Row { member_id: string; record_id: string; item_id: string; title: string; loaned_at: number; due_date: string }

/** Demo loans: rows keyed by member and copy, so loading them twice changes nothing. */
export function createLoanStore(db: Database): LoanStore {
  const insert = db.prepare(
    `INSERT OR REPLACE INTO loans (member_id, record_id, item_id, title, loaned_at, due_date)
     VALUES (@memberId, @recordId, @itemId, @title, @loanedAt, @dueDate)`,
  );
  const list = db.prepare<[string], Row>('SELECT * FROM loans WHERE member_id = ? ORDER BY due_date, item_id');
  const addAll = db.transaction((loans: Loan[]) => {
    for (const loan of loans) insert.run(loan);
  });
  return {
    async add(loans) {
      addAll.immediate(loans);
    },
    async listForMember(memberId) {
      return list.all(memberId).map((r) => ({
        memberId: r.member_id, recordId: r.record_id, itemId: r.item_id, title: r.title, loanedAt: r.loaned_at, dueDate: r.due_date,
      }));
    },
  };
}
