import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { flashText, submit } from '../helpers/build.js';
import { consoleApp, LIBRARIAN, upload, watchImport } from './helpers.js';
import { tableRows } from './tables.js';

const withCopiesAt = (id: string, location: string) =>
  JSON.stringify({ id, title: `Held at ${location}`, mediaType: 'book', holdings: [{ itemId: `${id}-1`, branch: location, shelfmark: 'F X', status: 'available' }, { itemId: `${id}-2`, branch: location, shelfmark: 'F X', status: 'available' }] });
const savedRegistry = (dataDir: string) => JSON.parse(readFileSync(path.join(dataDir, 'branches.json'), 'utf8')) as { branches: Array<{ code: string; name: string; aliases: string[] }> };

describe('the branch registry in the console', () => {
  it('offers a location an import did not know for mapping, and the next import puts its copies at that branch', async (t) => {
    const { librarian, store, dataDir } = await consoleApp(t);
    await watchImport(librarian, (await upload(librarian, 'harbour.ndjson', withCopiesAt('h1', 'HBR'))).headers.location!);
    assert.deepEqual((await store.records.get('h1'))?.holdings.map((h) => h.branch), ['Other locations', 'Other locations']);
    const page = (await librarian.get('/librarian/branches').expect(200)).text;
    assert.deepEqual(tableRows(page, 'unmapped-locations').map((r) => r.slice(0, 3)), [['HBR', '2', 'harbour.ndjson']]);

    const res = await submit(librarian, '/librarian/branches/map', { location: 'HBR', code: 'RIV' }, { status: 302 });
    assert.match(flashText((await librarian.get(res.headers.location!)).text) ?? '', /^Mapped the location “HBR” to the branch with code RIV\./);
    assert.deepEqual(savedRegistry(dataDir).branches.find((b) => b.code === 'RIV')?.aliases, ['HBR']);
    assert.match((await librarian.get('/librarian/branches')).text, /<p id="no-unmapped">/, 'a mapped location is no longer offered');

    await watchImport(librarian, (await upload(librarian, 'harbour.ndjson', withCopiesAt('h1', 'HBR'))).headers.location!);
    assert.deepEqual((await store.records.get('h1'))?.holdings.map((h) => h.branch), ['Riverside', 'Riverside']);
    const { entries } = await store.audit.list({ action: 'branches-change' }, 0, 10);
    assert.deepEqual(entries.map((e) => [e.card, e.target]), [[LIBRARIAN.card, 'Mapped the location “HBR” to the branch with code RIV']]);
  });

  it('adds a branch and renames one, writing the data folder’s registry and never the demo’s', async (t) => {
    const { librarian, store, dataDir } = await consoleApp(t);
    assert.equal(existsSync(path.join(dataDir, 'branches.json')), false);
    await submit(librarian, '/librarian/branches', { code: 'HBR', name: 'Harbour', aliases: 'Harbour Road, HARB' }, { status: 302 });
    await submit(librarian, '/librarian/branches/NOR', { name: 'Northgate Library', aliases: 'North' }, { status: 302 });
    const saved = savedRegistry(dataDir).branches;
    assert.deepEqual(saved.find((b) => b.code === 'HBR'), { code: 'HBR', name: 'Harbour', aliases: ['Harbour Road', 'HARB'] });
    assert.deepEqual(saved.find((b) => b.code === 'NOR'), { code: 'NOR', name: 'Northgate Library', aliases: ['North'] });
    assert.equal(saved.length, 8);
    assert.match(readFileSync(path.join(import.meta.dirname, '../../seed/branches.json'), 'utf8'), /"name": "Northgate" \}/);
    assert.deepEqual((await store.audit.list({ action: 'branches-change' }, 0, 10)).entries.map((e) => e.target), [
      'Saved the branch with code NOR', 'Added the branch Harbour (HBR)',
    ]);
    await watchImport(librarian, (await upload(librarian, 'harbour.ndjson', withCopiesAt('h2', 'harb'))).headers.location!);
    assert.deepEqual((await store.records.get('h2'))?.holdings.map((h) => h.branch), ['Harbour', 'Harbour']);
  });

  it('refuses an edit that would let one code stand for two branches, and changes nothing', async (t) => {
    const { librarian, store, dataDir } = await consoleApp(t);
    const res = await submit(librarian, '/librarian/branches', { code: 'XYZ', name: 'Riverside' }, { status: 302 });
    assert.equal(flashText((await librarian.get(res.headers.location!)).text), 'Nothing was changed: “riverside” already stands for the branch with code RIV.');
    await submit(librarian, '/librarian/branches/CEN', { name: 'Central Library', aliases: 'NOR' }, { status: 302 });
    await submit(librarian, '/librarian/branches', { code: '', name: 'Nowhere' }, { status: 302 });
    assert.equal(existsSync(path.join(dataDir, 'branches.json')), false);
    assert.deepEqual((await store.audit.list({ action: 'branches-change' }, 0, 10)).entries, []);
  });
});
