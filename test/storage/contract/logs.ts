import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AuditEntry, AuditStore } from '../../../src/storage/log-stores.js';
import type { StoreRef } from './helpers.js';

const NOW = 1_700_000_040_000;
const DAY = 24 * 60 * 60_000;

function entry(overrides: Partial<AuditEntry>): AuditEntry {
  return { at: NOW, memberId: 'm1', card: '1001', action: 'login', target: '', ...overrides };
}

/** One person's entries: by their cards or ids, or about them (a member- entry whose target is their id). */
export function auditPersonContract(audit: () => AuditStore): void {
  it('filters the audit log by person: what they did, and what was done to their account', async () => {
    await audit().append(entry({ at: NOW - 5, memberId: 'm-ada', card: '1001', action: 'login' }));
    await audit().append(entry({ at: NOW - 4, memberId: null, card: '1001', action: 'login-failed', target: 'invalid' }));
    await audit().append(entry({ at: NOW - 3, memberId: 'm-lib', card: '9001', action: 'member-disable', target: 'm-ada' }));
    await audit().append(entry({ at: NOW - 2, memberId: 'm-lib', card: '9001', action: 'member-add', target: 'm-bob' }));
    await audit().append(entry({ at: NOW - 1, memberId: 'm-bob', card: '2002', action: 'login' }));
    const ada = await audit().list({ person: { cards: ['1001'], memberIds: ['m-ada'] } }, 0, 10);
    assert.equal(ada.total, 3);
    assert.deepEqual(ada.entries.map((e) => e.action), ['member-disable', 'login-failed', 'login']);
    const disables = await audit().list({ person: { cards: ['1001'], memberIds: ['m-ada'] }, action: 'member-disable' }, 0, 10);
    assert.deepEqual(disables.entries.map((e) => e.target), ['m-ada']);
    assert.equal((await audit().list({ person: { cards: [], memberIds: [] } }, 0, 10)).total, 0, 'nobody matches no one');
  });
}

/** The audit log (filtered, paged, trimmed) and the anonymous search log. */
export function logsContract(store: StoreRef): void {
  describe('audit log by person', () => auditPersonContract(() => store().audit));
  describe('audit log', () => {
    it('lists entries newest first, filtered by card, action and time, in pages', async () => {
      await store().audit.append(entry({ at: NOW - 3 }));
      await store().audit.append(entry({ at: NOW - 2, action: 'reserve', target: 'rec-emma' }));
      await store().audit.append(entry({ at: NOW - 1, action: 'logout' }));
      await store().audit.append(entry({ at: NOW, memberId: null, card: '9999', action: 'login-failed', target: 'wrong PIN' }));
      const all = await store().audit.list({}, 0, 2);
      assert.equal(all.total, 4);
      assert.deepEqual(all.entries.map((e) => e.at), [NOW, NOW - 1]);
      assert.deepEqual((await store().audit.list({}, 2, 2)).entries.map((e) => e.action), ['reserve', 'login']);
      assert.deepEqual((await store().audit.list({ card: '9999' }, 0, 10)).entries, [entry({ memberId: null, card: '9999', action: 'login-failed', target: 'wrong PIN' })]);
      assert.equal((await store().audit.list({ card: '1001', action: 'reserve' }, 0, 10)).entries[0]?.target, 'rec-emma');
      assert.equal((await store().audit.list({ memberId: 'm1', from: NOW - 2, to: NOW }, 0, 10)).total, 2);
    });

    it('deletes entries older than a cutoff and counts them', async () => {
      await store().audit.append(entry({ at: NOW - 91 * DAY }));
      await store().audit.append(entry({ at: NOW - 89 * DAY }));
      assert.equal(await store().audit.deleteOlderThan(NOW - 90 * DAY), 1);
      assert.equal((await store().audit.list({}, 0, 10)).total, 1);
    });
  });

  describe('search log', () => {
    it('keeps query, filters, result count, page, kind and a time no finer than the minute', async () => {
      await store().searchLog.append({ query: 'bronte', filters: ['language:eng'], results: 3, page: 1, kind: 'typed', at: NOW + 59_999 });
      await store().searchLog.append({ query: 'bronte', filters: ['language:eng', 'mediaType:dvd'], results: 0, page: 1, kind: 'facet', at: NOW + 60_000 });
      const [stored, ticked, ...rest] = await store().searchLog.list(NOW - DAY, NOW + DAY);
      assert.deepEqual(rest, []);
      assert.deepEqual(stored, { query: 'bronte', filters: ['language:eng'], results: 3, page: 1, kind: 'typed', at: Math.floor((NOW + 59_999) / 60_000) * 60_000 });
      assert.deepEqual(ticked, { query: 'bronte', filters: ['language:eng', 'mediaType:dvd'], results: 0, page: 1, kind: 'facet', at: NOW + 60_000 });
      assert.deepEqual(Object.keys(stored).sort(), ['at', 'filters', 'kind', 'page', 'query', 'results']);
    });

    it('lists a time range oldest first and deletes by age', async () => {
      for (const at of [NOW - 2 * DAY, NOW, NOW - DAY]) await store().searchLog.append({ query: 'q', filters: [], results: 0, page: 1, kind: 'typed', at });
      assert.deepEqual((await store().searchLog.list(NOW - 3 * DAY, NOW)).map((e) => e.at), [NOW - 2 * DAY, NOW - DAY].map((t) => Math.floor(t / 60_000) * 60_000));
      assert.equal(await store().searchLog.deleteOlderThan(NOW - DAY - 60_000), 1);
      assert.equal((await store().searchLog.list(0, NOW + DAY)).length, 2);
    });
  });
}
