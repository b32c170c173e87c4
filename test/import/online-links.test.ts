import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readMarc21 } from '../../src/import/marc/marc21-reader.js';
import { build } from '../helpers/build.js';
import { fixture, okRecords, readAll } from './helpers.js';
import { hasYaz } from './marc8/yaz.js';

test('856 http and https links are kept with their link text; other schemes are left out with a warning', async () => {
  const [item] = await readAll(readMarc21, fixture('links.mrc'));
  assert.ok(item?.ok === true);
  assert.deepEqual(item.record.links, [
    { url: 'https://www.overdrive.com/media/12345', label: 'Borrow from OverDrive' },
    { url: 'http://catdir.loc.gov/toc/123.html', label: 'Table of contents' },
  ]);
  assert.deepEqual(item.warnings, [
    '856 $u "ftp://ftp.example.org/book.pdf" is not an http or https link (it starts "ftp:") and was left out',
    '856 $u "javascript:alert(1)" is not an http or https link (it starts "javascript:") and was left out',
    '856 $u "www.example.org/no-scheme" is not a web address and was left out',
  ]);
});

test('the 856 addresses are the ones yaz-marcdump reads', { skip: hasYaz ? false : 'yaz-marcdump is not installed' }, async () => {
  const yaz = execFileSync('yaz-marcdump', [fixture('links.mrc')]).toString('utf8');
  const yazUrls = [...yaz.matchAll(/\$u (\S+)/g)].map((m) => m[1]).filter((u) => /^https?:/.test(u!));
  const [record] = okRecords(await readAll(readMarc21, fixture('links.mrc')));
  assert.deepEqual(record!.links!.map((l) => l.url), yazUrls);
});

test('the record page offers the links as "Read or borrow online", naming the host', async (t) => {
  const [record] = okRecords(await readAll(readMarc21, fixture('links.mrc')));
  const { request } = await build(t, { records: [record!] });
  const page = (await request().get(`/record/${encodeURIComponent(record!.id)}`).expect(200)).text;
  assert.match(page, /<h3 id="online-heading">Read or borrow online<\/h3>/);
  assert.match(page, /<a href="https:\/\/www\.overdrive\.com\/media\/12345" rel="noopener">Borrow from OverDrive<\/a> <span class="hint">at overdrive\.com<\/span>/);
  assert.match(page, /<a href="http:\/\/catdir\.loc\.gov\/toc\/123\.html" rel="noopener">Table of contents<\/a> <span class="hint">at catdir\.loc\.gov<\/span>/);
  assert.doesNotMatch(page, /ftp:|javascript:/);
});
