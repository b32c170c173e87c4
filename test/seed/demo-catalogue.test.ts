import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { MEDIA_TYPES, type CatalogueRecord, type MediaType } from '../../src/model/record.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CATALOGUE_PATH = join(ROOT, 'seed/demo-catalogue.json');
const committedText = readFileSync(CATALOGUE_PATH, 'utf8');
const records = JSON.parse(committedText) as CatalogueRecord[];

/** Written out here rather than imported, so a bug in the build's own check digit cannot hide. */
function hasValidIsbn13CheckDigit(isbn: string): boolean {
  if (!/^97[89]\d{10}$/.test(isbn)) return false;
  const sum = [...isbn].reduce((total, digit, i) => total + Number(digit) * (i % 2 === 0 ? 1 : 3), 0);
  return sum % 10 === 0;
}

test('the demo catalogue holds at least 500 records, each with its own id', () => {
  assert.ok(records.length >= 500, `only ${records.length} records`);
  const ids = records.map((r) => r.id);
  assert.equal(new Set(ids).size, ids.length);
});

test('every ISBN-13 in the demo catalogue has a valid check digit', () => {
  const isbns = records.flatMap((r) => r.isbns);
  assert.ok(isbns.length >= 300, 'most print and digital records carry an ISBN');
  for (const isbn of isbns) assert.ok(hasValidIsbn13CheckDigit(isbn), `bad ISBN ${isbn}`);
  assert.equal(new Set(isbns).size, isbns.length, 'no two records share an ISBN');
});

test('every media type a member can filter on has at least 20 records', () => {
  const wanted = Object.keys(MEDIA_TYPES).filter((m) => m !== 'other') as MediaType[];
  for (const media of wanted) {
    const count = records.filter((r) => r.mediaType === media).length;
    assert.ok(count >= 20, `${media}: ${count} records`);
  }
});

test('at least six languages each have a handful of records', () => {
  const perLanguage = new Map<string, number>();
  for (const r of records) {
    const main = r.languages[0];
    assert.match(main ?? '', /^[a-z]{3}$/, `${r.id} needs an ISO 639-2 code`);
    if (main && main !== 'zxx') perLanguage.set(main, (perLanguage.get(main) ?? 0) + 1);
  }
  const wellStocked = [...perLanguage].filter(([, n]) => n >= 5).map(([code]) => code);
  assert.ok(wellStocked.length >= 6, `only ${wellStocked.join(', ')}`);
});

test('every record has a title, year, subject, summary and at least one copy', () => {
  for (const r of records) {
    assert.ok(r.title.trim(), `${r.id} title`);
    assert.ok(Number.isInteger(r.year) && r.year! >= 1800 && r.year! <= 2026, `${r.id} year`);
    assert.ok(r.subjects.length > 0, `${r.id} subjects`);
    assert.ok(r.summary && r.summary.length > 20, `${r.id} summary`);
    assert.ok(r.holdings.length > 0, `${r.id} holdings`);
  }
});

test('every book has an author; most DVDs and CDs name a director or artist', () => {
  for (const r of records.filter((x) => x.mediaType !== 'dvd' && x.mediaType !== 'music-cd')) {
    assert.ok(r.authors.length > 0, `${r.id} ${r.title} has no author`);
  }
  const av = records.filter((x) => x.mediaType === 'dvd' || x.mediaType === 'music-cd');
  const named = av.filter((r) => r.authors.length > 0).length;
  assert.ok(named / av.length >= 0.8, `${named} of ${av.length} name someone`);
});

test('copies have unique item ids, a shelfmark, and a due date exactly when on loan', () => {
  const holdings = records.flatMap((r) => r.holdings);
  assert.equal(new Set(holdings.map((h) => h.itemId)).size, holdings.length);
  for (const h of holdings) {
    assert.ok(h.branch && h.shelfmark, `${h.itemId} branch and shelfmark`);
    assert.equal(h.status === 'on-loan', h.dueDate !== undefined, `${h.itemId} due date`);
  }
  const statuses = new Set(holdings.map((h) => h.status));
  for (const s of ['available', 'on-loan', 'reference', 'in-transit', 'missing']) assert.ok(statuses.has(s as never), s);
});

test('accented names are kept as written (Brontë, García Márquez, Łódź)', () => {
  const text = committedText.normalize('NFC');
  assert.equal(text, committedText, 'the file is NFC');
  for (const s of ['Brontë, Charlotte', 'García Márquez, Gabriel', 'Łódź', 'Süskind, Patrick']) assert.ok(text.includes(s), s);
});

test('re-running the build gives byte-identical output', () => {
  const dir = mkdtempSync(join(tmpdir(), 'shelfmark-seed-'));
  try {
    const out = join(dir, 'demo-catalogue.json');
    execFileSync(process.execPath, ['--import', 'tsx', 'seed/build-demo.ts', '--out', out], { cwd: ROOT, stdio: 'pipe' });
    assert.ok(readFileSync(out).equals(readFileSync(CATALOGUE_PATH)), 'seed/demo-catalogue.json is stale: run npx tsx seed/build-demo.ts');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
