import type { Database } from 'better-sqlite3';
import { DuplicateCard, type Member, type MemberListFilter, type MemberStore } from '../member-stores.js';

interface MemberRow {
  id: string; card: string; pin_hash: string; name: string; email: string; home_branch: string; role: Member['role']; created_at: number;
  disabled_at: number | null;
}

function toMember(row: MemberRow): Member {
  return {
    id: row.id, card: row.card, pinHash: row.pin_hash, name: row.name, email: row.email,
    homeBranch: row.home_branch, role: row.role, createdAt: row.created_at,
    ...(row.disabled_at === null ? {} : { disabledAt: row.disabled_at }),
  };
}

/** LIKE with the member's text taken literally: %, _ and \ are escaped. */
const likeAnywhere = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

function listWhere(filter: MemberListFilter): { sql: string; params: string[] } {
  const text = filter.text?.trim();
  if (!text) return { sql: '', params: [] };
  return { sql: `WHERE card = ? OR name LIKE ? ESCAPE '\\'`, params: [text.toUpperCase(), likeAnywhere(text)] };
}

/** Members as rows; the UNIQUE card column is what refuses a second member with the same card. */
export function createMemberStore(db: Database): MemberStore {
  const stmt = {
    insert: db.prepare(
      `INSERT INTO members (id, card, pin_hash, name, email, home_branch, role, created_at, disabled_at)
       VALUES (@id, @card, @pinHash, @name, @email, @homeBranch, @role, @createdAt, @disabledAt)`,
    ),
    byId: db.prepare<[string], MemberRow>('SELECT * FROM members WHERE id = ?'),
    byCard: db.prepare<[string], MemberRow>('SELECT * FROM members WHERE card = ?'),
    byIds: db.prepare<[string], MemberRow>('SELECT * FROM members WHERE id IN (SELECT value FROM json_each(?))'),
    setPin: db.prepare('UPDATE members SET pin_hash = ? WHERE card = ?'),
    setDisabled: db.prepare('UPDATE members SET disabled_at = ? WHERE id = ?'),
    count: db.prepare<[], number>('SELECT count(*) FROM members').pluck(),
  };
  return {
    async add(member) {
      try {
        stmt.insert.run({ ...member, disabledAt: member.disabledAt ?? null });
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
    async getMany(ids) {
      const found = new Map(stmt.byIds.all(JSON.stringify(ids)).map((row) => [row.id, toMember(row)]));
      return ids.flatMap((id) => found.get(id) ?? []);
    },
    async list(filter, offset, limit) {
      const { sql, params } = listWhere(filter);
      const total = db.prepare(`SELECT count(*) FROM members ${sql}`).pluck().get(...params) as number;
      const rows = db.prepare(`SELECT * FROM members ${sql} ORDER BY name, card LIMIT ? OFFSET ?`).all(...params, limit, offset) as MemberRow[];
      return { total, members: rows.map(toMember) };
    },
    async setPinHash(card, pinHash) {
      return stmt.setPin.run(pinHash, card).changes === 1;
    },
    async setDisabled(id, at) {
      return stmt.setDisabled.run(at, id).changes === 1;
    },
    async count() {
      return stmt.count.get()!;
    },
  };
}
