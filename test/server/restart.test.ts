import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build, setCookie } from '../helpers/build.js';

describe('restarting the server', () => {
  it('keeps the catalogue, the visit and its basket', async (t) => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shelfmark-restart-'));
    t.after(() => fs.rmSync(dataDir, { recursive: true, force: true }));
    let cookie: string;
    await t.test('before', async (t1) => {
      const first = await build(t1, { dataDir });
      const visitor = first.browser();
      await visitor.get('/');
      const res = await visitor.post('/basket/add').type('form').send({ id: 'rec-jane-eyre' });
      cookie = setCookie(res, 'JSESSIONID')!.split(';')[0]!;
    });
    await t.test('after', async (t2) => {
      const second = await build(t2, { dataDir, records: [] });
      const page = await second.request().get('/basket').set('Cookie', `COOKIE_SUPPORT=true; ${cookie}`);
      assert.match(page.text, /Jane Eyre/);
      assert.equal(await second.store.records.count(), 8);
    });
  });
});
