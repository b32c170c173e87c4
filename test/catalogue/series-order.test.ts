import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { build } from '../helpers/build.js';
import { makeRecord } from '../storage/fixtures.js';

/** Record ids on a results page, in order. */
function ids(html: string): string[] {
  return [...html.matchAll(/class="result__title"><a href="\/record\/([^"?#]+)[^"]*"/g)].map((m) => decodeURIComponent(m[1]!));
}

const discworld = [
  makeRecord({ id: 'd-mort', title: 'Mort', year: 2012, series: ['Discworld ; 4'] }),
  makeRecord({ id: 'd-colour-new', title: 'The Colour of Magic', year: 2012, series: ['Discworld ; 1'] }),
  makeRecord({ id: 'd-guards', title: 'Guards! Guards!', year: 2013, series: ['Discworld ; 8'] }),
  makeRecord({ id: 'd-colour-old', title: 'The Colour of Magic', year: 1983, series: ['Discworld ; 1'] }),
  makeRecord({ id: 'd-postal', title: 'Going Postal', year: 2014, series: ['Discworld ; 33'] }),
  makeRecord({ id: 'd-light', title: 'The Light Fantastic', year: 2012, series: ['Corgi books', 'Discworld ; 2'] }),
  makeRecord({ id: 'd-companion', title: 'The Discworld Companion', year: 1994, series: ['Discworld'] }),
  makeRecord({ id: 'other', title: 'Discworld and philosophy', year: 2000, series: ['Popular culture and philosophy ; 59'] }),
];

describe('series in volume order', () => {
  it('lists series: in volume order, editions of one volume by year, unnumbered last', async (t) => {
    const { request } = await build(t, { records: discworld });
    const res = await request().get('/search?q=series:discworld');
    assert.deepEqual(ids(res.text), ['d-colour-old', 'd-colour-new', 'd-light', 'd-mort', 'd-guards', 'd-postal', 'd-companion']);
  });

  it('pages through the series in the same order', async (t) => {
    const volumes = [7, 3, 11, 1, 12, 5, 9, 2, 10, 4, 8, 6];
    const records = volumes.map((v) => makeRecord({ id: `v${String(v).padStart(2, '0')}`, title: `Volume ${v}`, series: [`Long saga ; ${v}`] }));
    const { request } = await build(t, { records });
    const page1 = ids((await request().get('/search?q=series:%22long+saga%22&per=10')).text);
    const page2 = ids((await request().get('/search?q=series:%22long+saga%22&per=10&page=2')).text);
    assert.deepEqual([...page1, ...page2], [...volumes].sort((a, b) => a - b).map((v) => `v${String(v).padStart(2, '0')}`));
  });

  it('keeps the sort a member chose, and relevance when the search has other words', async (t) => {
    const { request } = await build(t, { records: discworld });
    assert.deepEqual(ids((await request().get('/search?q=series:discworld+magic')).text), ['d-colour-new', 'd-colour-old']);
    assert.deepEqual(ids((await request().get('/search?q=series:discworld&sort=title')).text),
      ['d-colour-new', 'd-colour-old', 'd-companion', 'd-postal', 'd-guards', 'd-light', 'd-mort']);
  });
});
