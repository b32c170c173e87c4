import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { emptyCounts } from '../../src/storage/import-run-store.js';
import { groupProblems, problemField, problemLabel } from '../../src/librarian/problem-kinds.js';
import { consoleApp, upload, watchImport } from './helpers.js';
import { tableRows } from './tables.js';

const record = (id: string, title: string) => JSON.stringify({ id, title, mediaType: 'book' });

/** The kinds of problem the run page lists: heading text and the examples' cells. */
function kindsOn(html: string) {
  return [...html.matchAll(/<h3 id="kind-\d+">([^<]*)<span class="kind-count">\((\d+) times?\)<\/span><\/h3>\s*<table[^>]*>([\s\S]*?)<\/table>/g)].map((m) => ({
    heading: m[1]!.trim(),
    count: Number(m[2]),
    examples: [...m[3]!.matchAll(/<tr><td[^>]*>([^<]*)<\/td><td[^>]*>([^<]*)<\/td><td[^>]*>([^<]*)<\/td><td[^>]*>([^<]*)<\/td><\/tr>/g)].map((r) => r.slice(1, 4)),
  }));
}

describe('import results in a librarian’s words', () => {
  it('shows read, added, updated, unchanged, rejected and warned as a table', async (t) => {
    const { librarian } = await consoleApp(t);
    await watchImport(librarian, (await upload(librarian, 'first.ndjson', [record('a', 'Alpha'), record('b', 'Beta')].join('\n'))).headers.location!);
    const second = await upload(librarian, 'second.ndjson', [record('a', 'Alpha'), record('b', 'Beta, revised'), record('c', 'Gamma'), record('d', ' ')].join('\n'));
    const page = await watchImport(librarian, second.headers.location!);
    assert.deepEqual(tableRows(page, 'import-summary').map(([label, value]) => [label, value]), [
      ['Read', '4'], ['Added', '1'], ['Updated', '1'], ['Unchanged', '1'], ['Rejected', '1'], ['Warned', '0'],
    ]);
    assert.doesNotMatch(page, /--rejects|see the messages above/, 'no command-line wording');
  });

  it('groups the rejects by kind with the first three examples of each, and links the full CSV', async (t) => {
    const { librarian } = await consoleApp(t);
    const lines = [record('ok-1', 'Fine'), ...Array.from({ length: 5 }, (_, i) => record(`bad-${i + 1}`, ' ')), '{not json', '{also not json'];
    const res = await upload(librarian, 'mixed.ndjson', lines.join('\n'));
    const page = await watchImport(librarian, res.headers.location!);
    const kinds = kindsOn(page);
    const titles = kinds.find((k) => k.heading.startsWith('Rejected: title'));
    assert.equal(titles?.count, 5);
    assert.deepEqual(titles?.examples.map(([n, id]) => [n, id]), [['2', 'bad-1'], ['3', 'bad-2'], ['4', 'bad-3']]);
    assert.equal(kinds[0], titles, 'the most frequent kind comes first');
    assert.equal(kinds.reduce((sum, k) => sum + k.count, 0), 7);
    assert.match(page, new RegExp(`<a href="${res.headers.location}/rejects\\.csv" id="rejects-link" download>Download every rejected record and warning \\(CSV, 7 lines\\)</a>`));
  });

  it('shows the progress of a running import with records a second and the time left', async (t) => {
    const { librarian, store, clock } = await consoleApp(t);
    const startedAt = clock.now;
    await store.imports.claim({ id: 'run-1', fileName: 'big.mrc', size: 1000, card: '9000000001', startedAt }, startedAt - 60_000);
    await store.imports.progress('run-1', { counts: { ...emptyCounts(), read: 500, added: 500 }, bytesRead: 250, format: 'marc21', now: startedAt + 10_000 });
    const page = (await librarian.get('/librarian/import/run-1?watch=1').expect(200)).text;
    assert.match(page, /<span id="import-so-far">25%: 500 records read, 0 rejected, at 50 records a second\.<\/span>/);
    assert.match(page, /<span id="import-time-left">Time left: about 30 seconds\.<\/span>/);
    assert.match(page, /http-equiv="refresh"/);
    const entries = (await store.audit.list({}, 0, 100)).total;
    for (let i = 0; i < 3; i++) await librarian.get('/librarian/import/run-1?watch=1').expect(200);
    assert.equal((await store.audit.list({}, 0, 100)).total, entries, 'the page refreshing itself writes no audit entries');
  });

  it('keeps a history of runs, each of which opens', async (t) => {
    const { librarian, clock } = await consoleApp(t);
    const locations = [];
    for (const name of ['one.ndjson', 'two.ndjson']) {
      const res = await upload(librarian, name, record(name, name));
      locations.push(res.headers.location!);
      await watchImport(librarian, res.headers.location!);
      clock.now += 60_000; // the next run starts a minute later, so newest-first has one answer
    }
    const history = (await librarian.get('/librarian/imports').expect(200)).text;
    assert.deepEqual(tableRows(history, 'history-runs').map((r) => [r[0], r[4], r[5]]), [['two.ndjson', '1', '1'], ['one.ndjson', '1', '1']]);
    for (const href of locations) assert.match(history, new RegExp(`<a href="${href}">`));
    assert.match((await librarian.get(locations[0]!).expect(200)).text, /<h1>Import of one\.ndjson<\/h1>/);
  });
});

describe('kinds of import problem', () => {
  it('puts messages that differ only in values under one kind, naming the field', () => {
    const kinds = groupProblems([
      { seq: 1, kind: 'warning', recordNumber: 1, recordId: 'r1', reason: '020 $a "12x" is not a valid ISBN and was left out' },
      { seq: 2, kind: 'warning', recordNumber: 2, recordId: 'r2', reason: '020 $a "99" is not a valid ISBN and was left out' },
      { seq: 3, kind: 'rejected', recordNumber: 3, reason: 'no title: the record has no 245 $a' },
      { seq: 4, kind: 'warning', recordNumber: 4, recordId: 'r4', reason: 'line 12: a <subfield> with code "%", which is not one letter or digit; its text is kept but not shown' },
      { seq: 5, kind: 'warning', recordNumber: 5, recordId: 'r5', reason: 'line 80: a <subfield> with code "#", which is not one letter or digit; its text is kept but not shown' },
    ]);
    assert.deepEqual(kinds.map((k) => [k.kind, k.count, k.label]), [
      ['rejected', 1, 'no title: the record has no 245 $a'],
      ['warning', 2, '020 $a "…" is not a valid ISBN and was left out'],
      ['warning', 2, 'a <subfield> with code "…", which is not one letter or digit; its text is kept but not shown'],
    ]);
    assert.deepEqual(kinds[1]?.examples.map((e) => [e.recordId, e.field]), [['r1', '020 $a'], ['r2', '020 $a']]);
  });

  it('reads the field from the ways the importer names one', () => {
    assert.equal(problemField('field 245 $a: a character that is not valid UTF-8 was replaced'), '245 $a');
    assert.equal(problemField('the directory puts field 650 past the end of the record; that field was skipped'), '650');
    assert.equal(problemField('location "ZZ" is not in the branch registry: 3 copies are kept under "Other locations"'), 'location');
    assert.equal(problemLabel('the leader gives the record length as 1234 bytes but the record is 1200 bytes long'), 'the leader gives the record length as N bytes but the record is N bytes long');
  });
});
