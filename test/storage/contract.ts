import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import type { Store } from '../../src/storage/store.js';
import { basketsContract } from './contract/baskets.js';
import { clause, ids, query } from './contract/helpers.js';
import { recordsContract } from './contract/records.js';
import { searchFacetsContract } from './contract/search-facets.js';
import { searchOrderContract } from './contract/search-order.js';
import { searchTextContract } from './contract/search-text.js';
import { searchOperatorsContract } from './contract/search-operators.js';
import { sessionsContract } from './contract/sessions.js';
import { membersContract } from './contract/members.js';
import { loginAttemptsContract } from './contract/login-attempts.js';
import { reservationsContract } from './contract/reservations.js';
import { logsContract } from './contract/logs.js';
import { visitsContract } from './contract/visits.js';
import { listsContract } from './contract/lists.js';
import { searchDemandContract } from './contract/search-demand.js';
import { importRunsContract } from './contract/import-runs.js';
import { sendLimitsContract } from './contract/send-limits.js';
import { catalogue, janeEyre } from './fixtures.js';

/** Opens a fresh, empty store for one test. */
export type OpenStore = () => Promise<Store>;
/** Closes a store and opens it again on the same data, as a restart would. */
export type ReopenStore = (store: Store) => Promise<Store>;

/**
 * The promises every Store adapter keeps, written only against the Store
 * interface so each adapter runs it unchanged. Each test gets a fresh empty
 * store from `open` and closes it afterwards; the durability tests run only
 * when `reopen` is given.
 */
export function runStoreContract(adapterName: string, open: OpenStore, reopen?: ReopenStore): void {
  describe(`${adapterName} store contract`, () => {
    let current: Store | undefined;
    const store = (): Store => {
      assert.ok(current, 'store not open');
      return current;
    };
    beforeEach(async () => {
      current = await open();
    });
    afterEach(async () => {
      await current?.close();
      current = undefined;
    });

    it('answers a ping', async () => {
      await store().ping();
      assert.equal(await store().records.count(), 0);
    });

    recordsContract(store);
    searchTextContract(store);
    searchOperatorsContract(store);
    searchFacetsContract(store);
    searchOrderContract(store);
    sessionsContract(store);
    basketsContract(store);
    membersContract(store);
    loginAttemptsContract(store);
    reservationsContract(store);
    logsContract(store);
    visitsContract(store);
    listsContract(store);
    searchDemandContract(store);
    importRunsContract(store);
    sendLimitsContract(store);

    describe('after a restart', { skip: reopen ? false : `${adapterName} gave no reopen hook` }, () => {
      it('still has the catalogue, searchable, with sessions and baskets', async () => {
        const later = Date.now() + 60 * 60_000;
        await store().records.upsertMany(catalogue);
        await store().sessions.set('s1', { member: 'm1' }, later);
        await store().baskets.add('s1', ['b', 'a'], 10, later);
        current = await reopen!(store());
        assert.equal(await store().records.count(), catalogue.length);
        assert.deepEqual(await store().records.get(janeEyre.id), janeEyre);
        assert.deepEqual(ids(await store().records.search(query({ clauses: [clause('bronte')] }))), [janeEyre.id]);
        assert.deepEqual(await store().sessions.get('s1', later - 1), { member: 'm1' });
        assert.deepEqual(await store().baskets.list('s1'), ['b', 'a']);
      });

      it('counts records imported before the restart as unchanged after it', async () => {
        await store().records.upsertMany(catalogue);
        current = await reopen!(store());
        assert.deepEqual(await store().records.upsertMany(catalogue), { added: 0, updated: 0, unchanged: catalogue.length });
      });
    });
  });
}
