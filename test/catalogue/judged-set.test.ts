import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import type { CatalogueRecord } from '../../src/model/record.js';
import { DEMO_CATALOGUE_PATH } from '../../src/import/demo.js';
import { build } from '../helpers/build.js';
import type supertest from 'supertest';
import { JUDGED_QUERIES } from './judged-queries.js';

/** Below this share in the top 3 the test fails: the goal is 90%. */
const TOP3_GOAL = 0.9;

/**
 * What a member sees, in order, each result as the record ids it opens onto:
 * the record a search opened, a record's line, or a work's line, whose page
 * (followed here) lists every edition, so a work holding the record meant is a hit.
 */
async function shown(res: { status: number; headers: Record<string, string>; text: string }, request: () => ReturnType<typeof supertest>): Promise<string[][]> {
  const opened = /^\/record\/([^/?#]+)(?:\?[^#]*)?$/.exec(res.status >= 300 && res.status < 400 ? res.headers.location ?? '' : '');
  if (opened) return [[decodeURIComponent(opened[1]!)]];
  const results: string[][] = [];
  for (const [, kind, id] of res.text.matchAll(/class="result__title"><a href="\/(record|work)\/([^"?#]+)[^"]*"/g)) {
    if (kind === 'record') {
      results.push([decodeURIComponent(id!)]);
    } else {
      const page = (await request().get(`/work/${id}`).expect(200)).text;
      results.push([...page.matchAll(/<li class="work__edition" id="edition-([^"]+)"/g)].map((m) => m[1]!));
    }
  }
  return results;
}

/** The "Did you mean" link a member would click, when the page offers one. */
function suggestion(html: string): string | undefined {
  return /<a[^>]*class="did-you-mean"[^>]*href="([^"]+)"|<a[^>]*href="([^"]+)"[^>]*class="did-you-mean"/.exec(html)?.slice(1).find(Boolean)?.replace(/&amp;/g, '&');
}

describe('the judged query set', () => {
  it(`puts what the member means in the top 3 for at least ${TOP3_GOAL * 100}% of ${JUDGED_QUERIES.length} queries`, async (t) => {
    const records = JSON.parse(readFileSync(DEMO_CATALOGUE_PATH, 'utf8')) as CatalogueRecord[];
    const { request } = await build(t, { records });
    assert.ok(JUDGED_QUERIES.length >= 60);
    let first = 0;
    let top3 = 0;
    let viaSuggestion = 0;
    const misses: string[] = [];
    for (const { q, want } of JUDGED_QUERIES) {
      let res = await request().get(`/search?q=${encodeURIComponent(q)}`);
      let results = await shown(res, request);
      const link = results.length === 0 ? suggestion(res.text) : undefined;
      if (link) {
        // A member with nothing found clicks "Did you mean": one click, counted as such.
        res = await request().get(link);
        results = await shown(res, request);
        viaSuggestion++;
      }
      const hit = (ids: string[] | undefined) => (ids ?? []).some((id) => want.includes(id));
      if (hit(results[0])) first++;
      if (results.slice(0, 3).some(hit)) top3++;
      else misses.push(`${q} → ${results.slice(0, 3).map((ids) => ids.join('+')).join(', ') || 'nothing'}`);
    }
    const n = JUDGED_QUERIES.length;
    const pct = (k: number) => `${((100 * k) / n).toFixed(1)}%`;
    t.diagnostic(`judged set: ${n} queries; first ${first} (${pct(first)}); top 3 ${top3} (${pct(top3)}); ${viaSuggestion} after one "Did you mean" click`);
    for (const miss of misses) t.diagnostic(`not in the top 3: ${miss}`);
    assert.ok(top3 / n >= TOP3_GOAL, `top 3: ${top3} of ${n}`);
  });
});
