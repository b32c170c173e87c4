import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { createBranchRegistry } from '../../src/branches/branch-registry.js';
import { assignBranches } from '../../src/import/assign-branches.js';
import { runSeed } from '../../src/import/run-seed.js';
import { createBranches } from '../../src/members/branches.js';
import { captured, fixture, freshStore } from './helpers.js';
import { hasYaz } from './marc8/yaz.js';

async function seed(t: Parameters<typeof freshStore>[0], options: { branchesPath?: string } = {}) {
  const { store, dataDir } = await freshStore(t);
  const out = captured();
  const err = captured();
  const code = await runSeed(store, { target: fixture('holdings.mrc'), ...options }, out, err);
  return { store, dataDir, code, out: out.text(), err: err.text() };
}

test('holdings records join their record by 004, whether they come before or after it', async (t) => {
  const { store } = await seed(t);
  const first = await store.records.get('(SHELF)hb-1');
  assert.deepEqual(first!.holdings.map((h) => [h.itemId, h.branch, h.shelfmark]), [['30001', 'Central Library', 'F SMI'], ['30006', 'Central Library', 'F SMI']]);
  const second = await store.records.get('(SHELF)hb-2');
  assert.deepEqual(second!.holdings.map((h) => [h.itemId, h.branch]), [['30002', 'Northgate']]);
  assert.equal(await store.records.count(), 3, 'holdings records never become catalogue records');
});

test('an orphan holdings record is reported with its id and the record it names', async (t) => {
  const { code, out, err } = await seed(t);
  assert.equal(code, 1);
  assert.match(out, /read\s+7\n\s+added\s+3\n[\s\S]*rejected\s+1\n/);
  assert.match(err, /Rejected: \S+holdings\.mrc, record 7, byte offset \d+ \(id h-4\): holdings record for record no-such-record \(its 004\), which is neither in this file nor in the catalogue; its 1 copy was not imported/);
});

test('holdings imported later, in a file of their own, join records already in the catalogue', async (t) => {
  const { store, dataDir } = await seed(t);
  const { encodeIso2709 } = await import('../../bench/iso2709-writer.js');
  const later = path.join(dataDir, 'later.mrc');
  writeFileSync(later, encodeIso2709('00000ny  a2200000un 4500', [['001', 'h-9'], ['003', 'SHELF'], ['004', 'hb-2'], ['852', '01', 'b', 'RIV', 'p', '30009']]));
  const code = await runSeed(store, { target: later }, captured(), captured());
  assert.equal(code, 0);
  assert.deepEqual((await store.records.get('(SHELF)hb-2'))!.holdings.map((h) => h.branch), ['Northgate', 'Riverside']);
});

test('values that are not branches stay out of branches and pickup points; the import lists them with counts', async (t) => {
  const { store, out } = await seed(t);
  const record = await store.records.get('(SHELF)hb-3');
  assert.deepEqual(record!.holdings.map((h) => [h.branch, h.location]), [['Other locations', '11/19/97 T'], ['Other locations', 'Unknown branch'], ['Other locations', '11/19/97 T']]);
  assert.match(out, /locations not in the branch registry \([^)]*seed\/branches\.json\); their copies are kept under "Other locations":\n\s+2 copies {2}11\/19\/97 T\n\s+1 copy {2}Unknown branch\n/);
  const pickup = await createBranches(store.records, Date.now).pickupBranches();
  assert.ok(!pickup.includes('Other locations') && !pickup.includes('11/19/97 T'));
  assert.deepEqual(pickup, ['Central Library', 'Northgate']);
});

test("the library's own registry file decides what is a branch", async (t) => {
  const { dataDir } = await freshStore(t);
  const registry = path.join(dataDir, 'branches.json');
  writeFileSync(registry, JSON.stringify({ branches: [{ code: 'CEN', name: 'Town Hall Library', aliases: ['11/19/97 T'] }] }));
  const { store } = await seed(t, { branchesPath: registry });
  assert.deepEqual((await store.records.get('(SHELF)hb-3'))!.holdings.map((h) => h.branch), ['Town Hall Library', 'Other locations', 'Town Hall Library']);
  assert.deepEqual((await store.records.get('(SHELF)hb-2'))!.holdings.map((h) => [h.branch, h.location]), [['Other locations', 'nor']]);
});

test('a registry file that is not valid stops the import before anything is read', async (t) => {
  const { dataDir } = await freshStore(t);
  const registry = path.join(dataDir, 'branches.json');
  writeFileSync(registry, '{"branches": [{"code": "CEN"}]}');
  const { code, err } = await seed(t, { branchesPath: registry });
  assert.equal(code, 2);
  assert.match(err, /Could not read the branch registry: \S+branches\.json is not a branch registry: branches\.0\.name/);
});

test('a copy exported under "Other locations" finds its branch once the registry knows its location', () => {
  const holdings = [{ itemId: '1', branch: 'Other locations', location: 'Annexe', shelfmark: '', status: 'available' as const }];
  const unmapped = new Map<string, number>();
  assignBranches(holdings, createBranchRegistry([{ code: 'ANX', name: 'The Annexe', aliases: ['annexe'] }]), unmapped);
  assert.deepEqual(holdings, [{ itemId: '1', branch: 'The Annexe', shelfmark: '', status: 'available' }]);
  assert.equal(unmapped.size, 0);
});

test('yaz-marcdump reads the same seven records in the holdings file', { skip: hasYaz ? false : 'yaz-marcdump is not installed' }, () => {
  const yaz = execFileSync('yaz-marcdump', [fixture('holdings.mrc')]).toString('utf8');
  assert.equal(yaz.match(/^\d{5}\S*/gm)?.length, 7);
});

test('a location asked for again resolves as it did the first time, known or not, in any case and spacing', () => {
  const registry = createBranchRegistry([{ code: 'CEN', name: 'Central Library', aliases: ['Central'] }]);
  for (let round = 0; round < 2; round++) {
    assert.equal(registry.resolve('CEN')?.name, 'Central Library');
    assert.equal(registry.resolve('  central   LIBRARY ')?.name, 'Central Library');
    assert.equal(registry.resolve('central')?.name, 'Central Library');
    assert.equal(registry.resolve('Attic'), undefined);
    assert.equal(registry.resolve(''), undefined);
  }
});
