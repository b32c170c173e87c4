import type { TestContext } from 'node:test';
import type supertest from 'supertest';
import { build, csrfOf, type Built } from '../helpers/build.js';
import { addMember, loginAs } from '../helpers/members.js';

export const LIBRARIAN = { card: '9000000001', pin: '4321' };
export const MEMBER = { card: '1000000001', pin: '1234' };

/** The app with one librarian and one member in the store, and a browser logged in as each. */
export async function consoleApp(t: TestContext, env: Record<string, string> = {}, options: Omit<Parameters<typeof build>[1] & object, 'env'> = {}): Promise<Built & { librarian: supertest.Agent; member: supertest.Agent }> {
  const built = await build(t, { env, ...options });
  await addMember(built.store, LIBRARIAN.card, LIBRARIAN.pin, { name: 'Lydia Bennet', role: 'librarian' });
  await addMember(built.store, MEMBER.card, MEMBER.pin, { name: 'Ada Lovelace' });
  const librarian = built.browser();
  await loginAs(librarian, LIBRARIAN.card, LIBRARIAN.pin);
  const member = built.browser();
  await loginAs(member, MEMBER.card, MEMBER.pin);
  return { ...built, librarian, member };
}

/** Uploads a file through the console's form, token first as the form sends it. */
export async function upload(visitor: supertest.Agent, name: string, content: Buffer | string, fields: Record<string, string> = {}) {
  const _csrf = await csrfOf(visitor);
  let req = visitor.post('/librarian/import').set('Accept', 'text/html').field('_csrf', _csrf);
  for (const [key, value] of Object.entries(fields)) req = req.field(key, value);
  return req.attach('file', Buffer.isBuffer(content) ? content : Buffer.from(content), name);
}

/**
 * Follows the progress page as its meta refresh would, until the import has
 * ended; a bounded number of looks, never a timer.
 */
export async function watchImport(visitor: supertest.Agent, location: string): Promise<string> {
  for (let look = 0; look < 2000; look++) {
    const page = await visitor.get(`${location}?watch=1`).expect(200);
    if (!page.text.includes('http-equiv="refresh"')) return page.text;
  }
  throw new Error(`the import at ${location} did not end`);
}
