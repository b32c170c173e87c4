import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { IndexDescription } from 'mongodb';
import { checkIndexes, IndexesOutOfDate, migrate, planIndexes, WANTED_INDEXES } from '../../../src/storage/mongo/migrate.js';
import { RECORD_INDEXES } from '../../../src/storage/mongo/record-store.js';
import { mingoDb } from './mingo-db.js';

const text = RECORD_INDEXES.find((i) => i.name === 'records_text')!;
/** The text index as listIndexes reports it. */
const listedText = { v: 2, key: { _fts: 'text', _ftsx: 1 }, name: 'records_text', weights: text.weights, default_language: 'none', language_override: 'language', textIndexVersion: 3 };

describe('MongoDB indexes as a migration', () => {
  it('finds nothing to do when listIndexes shows the wanted indexes, text index included', () => {
    const listed = [{ v: 2, key: { _id: 1 }, name: '_id_' }, listedText, ...RECORD_INDEXES.filter((i) => i !== text).map((i) => ({ v: 2, ...i }))];
    assert.deepEqual(planIndexes('records', listed, RECORD_INDEXES), { collection: 'records', build: [], drop: [] });
  });

  it('rebuilds an index whose keys, weights or options changed, and one whose keys sit under another name', () => {
    const wanted: IndexDescription[] = [
      { name: 'audit_at', key: { at: -1, _id: -1 } },
      { name: 'audit_card', key: { card: 1, at: -1, _id: -1 } },
      { name: 'sessions_ttl', key: { expiresAt: 1 }, expireAfterSeconds: 0 },
    ];
    const listed = [
      { v: 2, key: { _id: 1 }, name: '_id_' },
      { v: 2, key: { at: -1 }, name: 'audit_at' },
      { v: 2, key: { card: 1, at: -1, _id: -1 }, name: 'by_card' },
      { v: 2, key: { expiresAt: 1 }, name: 'sessions_ttl', expireAfterSeconds: 60 },
      { v: 2, key: { someone: 1 }, name: 'a_librarians_own' },
    ];
    const plan = planIndexes('x', listed, wanted);
    assert.deepEqual(plan.drop, ['audit_at', 'by_card', 'sessions_ttl']);
    assert.deepEqual(plan.build.map((i) => i.name), ['audit_at', 'audit_card', 'sessions_ttl']);
    const reweighted = planIndexes('records', [{ ...listedText, weights: { ...text.weights, '_p.title': 1 } }], [text]);
    assert.deepEqual(reweighted.drop, ['records_text']);
  });

  it('refuses to serve an empty database, naming the command, then serves once db:migrate has run', async () => {
    const { db, calls } = mingoDb();
    await assert.rejects(checkIndexes(db, 'text'), (error: Error) => error instanceof IndexesOutOfDate && /npm run db:migrate/.test(error.message));
    assert.ok(calls.every((c) => c.endsWith('.listIndexes')), 'the boot check only reads');
    const lines: string[] = [];
    const built = await migrate(db, 'text', (line) => lines.push(line));
    assert.equal(built, Object.values(WANTED_INDEXES).flat().length);
    assert.ok(lines.includes('records: building records_text…'));
    await checkIndexes(db, 'text');
    assert.equal(await migrate(db, 'text', () => {}), 0, 'a second run finds nothing to do');
  });

  it('gives members with active reservations their places when it first runs', async () => {
    const { db, data } = mingoDb();
    data.set('reservations', [{ _id: 'a', memberId: 'm1', status: 'active', createdAt: 5 }]);
    data.set('reservationPlaces', [{ _id: 'm2', places: [] }]);
    await migrate(db, 'text', () => {});
    assert.deepEqual(data.get('reservationPlaces'), [{ _id: 'm2', places: [] }, { _id: 'm1', places: [{ id: 'a', n: 'a', at: 5 }] }]);
  });
});
