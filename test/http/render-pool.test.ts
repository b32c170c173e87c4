import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createRenderPool } from '../../src/http/render-pool.js';
import type { RenderElsewhere } from '../../src/http/render.js';
import { build } from '../helpers/build.js';

/** The same page, whichever thread rendered it: tokens aside, the bytes must match. */
const withoutTokens = (html: string) => html.replace(/name="_csrf" value="[^"]+"/g, 'name="_csrf" value=""');

describe('results pages rendered on a render worker', () => {
  it('are the pages the serving thread renders, and only results pages go there', async (t) => {
    const pool = createRenderPool(1);
    t.after(() => pool.close());
    const views: string[] = [];
    const counted: RenderElsewhere = (view, page) => {
      views.push(view);
      return pool(view, page);
    };
    const offThread = await build(t, { renderElsewhere: counted });
    const onThread = await build(t);
    for (const path of ['/search?q=emma', '/search?q=austen&f=mediaType%3Abook', '/search?q=nothingmatchesthis']) {
      const [there, here] = await Promise.all([offThread.request().get(path), onThread.request().get(path)]);
      assert.equal(there.status, 200, path);
      assert.equal(withoutTokens(there.text), withoutTokens(here.text), path);
    }
    assert.deepEqual(views, ['catalogue/results.njk', 'catalogue/results.njk', 'catalogue/results.njk']);
    await offThread.request().get('/').expect(200);
    assert.equal(views.length, 3, 'the home page is rendered on the serving thread');
  });

  it('are rendered on the serving thread when the worker cannot render them', async (t) => {
    const broken: RenderElsewhere = () => Promise.reject(new Error('worker gone'));
    const built = await build(t, { renderElsewhere: broken });
    const res = await built.request().get('/search?q=emma').expect(200);
    assert.match(res.text, /Emma/);
  });

  it('stop taking pages once closed', async () => {
    const pool = createRenderPool(1);
    await pool.close();
    await assert.rejects(pool('catalogue/results.njk', {}), /closed/);
  });
});
