import type supertest from 'supertest';
import type { MemberRole, Store } from '../../src/storage/store.js';
import { hashPin } from '../../src/members/pin-hash.js';
import { setCookie, submit } from './build.js';

/** Adds a member with a real scrypt PIN hash; returns their id. */
export async function addMember(
  store: Store,
  card: string,
  pin: string,
  overrides: { name?: string; homeBranch?: string; role?: MemberRole } = {},
): Promise<string> {
  const id = `m-${card}`;
  await store.members.add({
    id, card, pinHash: await hashPin(pin), name: overrides.name ?? 'Ada Lovelace', email: `${card}@example.org`,
    homeBranch: overrides.homeBranch ?? 'Central', role: overrides.role ?? 'member', createdAt: 0,
  });
  return id;
}

/** The JSESSIONID value a response set, if it set one (empty when it cleared it). */
export function sessionIdFrom(res: { headers: Record<string, unknown> }): string | undefined {
  const cookie = setCookie(res, 'JSESSIONID');
  return cookie === undefined ? undefined : decodeURIComponent(cookie.slice('JSESSIONID='.length).split(';')[0] ?? '');
}

/** Logs the visitor in through the real form, as a browser would; fails the test if it does not work. */
export async function loginAs(visitor: supertest.Agent, card: string, pin: string, returnTo?: string) {
  await visitor.get('/login').expect(200);
  const res = await submit(visitor, '/login', { card, pin, ...(returnTo ? { return: returnTo } : {}) });
  if (res.status !== 302) throw new Error(`login as ${card} answered ${res.status}: ${res.text.slice(0, 300)}`);
  return res;
}
