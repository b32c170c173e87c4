import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { build } from '../helpers/build.js';

describe('service status', () => {
  it('links a page a member can read from every footer, and keeps /healthz for machines', async (t) => {
    const { request } = await build(t);
    const home = await request().get('/').expect(200);
    assert.match(home.text, /<footer[\s\S]*<a href="\/status">Service status<\/a>/);
    assert.doesNotMatch(home.text, /href="\/healthz"/);
    const page = await request().get('/status').expect(200).expect('Content-Type', /text\/html/);
    assert.match(page.text, /<h1>Service status<\/h1>/);
    assert.match(page.text, /id="service-status">The catalogue is working normally\.</);
    assert.equal((await request().get('/healthz').expect(200)).text, 'ok\n');
  });

  it('says the catalogue is unavailable, and no more, when the store does not answer', async (t) => {
    const built = await build(t);
    built.store.ping = async () => { throw new Error('connection refused by db-7.internal'); };
    const page = await built.request().get('/status').expect(503);
    assert.match(page.text, /id="service-status">The catalogue is unavailable at the moment\./);
    assert.doesNotMatch(page.text, /db-7|refused/);
    assert.equal((await built.request().get('/healthz').expect(503)).text, 'unavailable\n');
  });
});
