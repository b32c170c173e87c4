import type { Database } from 'better-sqlite3';
import { DuplicateCard, type Member, type MemberStore } from '../member-stores.js';

interface MemberRow {
  id: string; card: string; pin_hash: string; name: string; email: string; home_branch: string; role: Member['role']; created_at: number;
}

function toMember(row: MemberRow): Member {
  return {
    id: row.id, card: row.card, pinHash: row.pin_hash, name: row.name, email: row.email,
    homeBranch: row.home_branch, role: row.role, createdAt: row.created_at,
  };
}

/** Members as rows; the UNIQUE card column is what refuses a second member with the same card. */
export function createMemberStore(db: Database): MemberStore {
  const stmt = {
    insert: db.prepare(
      `INSERT INTO members (id, card, pin_hash, name, email, home_branch, role, created_at)
       VALUES (@id, @card, @pinHash, @name, @email, @homeBranch, @role, @createdAt)`,
    ),
    byId: db.prepare<[string], MemberRow>('SELECT * FROM members WHERE id = ?'),
    byCard: db.prepare<[string], MemberRow>('SELECT * FROM members WHERE card = ?'),
    setPin: db.prepare('UPDATE members SET pin_hash = ? WHERE card = ?'),
    count: db.prepare<[], number>('SELECT count(*) FROM members').pluck(),
  };
  return {
    async add(member) {
      try {
        stmt.insert.run(member);
      } catch (error) {
        if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE' && /members\.card/.test(String(error))) {
          throw new DuplicateCard(`card ${member.card} already belongs to a member`);
        }
        throw error;
      }
    },
    async get(id) {
      const row = stmt.byId.get(id);
      return row ? toMember(row) : null;
    },
    async getByCard(card) {
      const row = stmt.byCard.get(card);
      return row ? toMember(row) : null;
    },
    async setPinHash(card, pinHash) {
      return stmt.setPin.run(pinHash, card).changes === 1;
    },
    async count() {
      return stmt.count.get()!;
    },
  };
}
