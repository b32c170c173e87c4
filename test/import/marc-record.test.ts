import { test } from 'node:test';
import assert from 'node:assert/strict';
import { controlField, dataFields, type MarcRecord } from '../../src/import/marc/marc-record.js';

/** What dataFields must give: every field with one of the tags, in record order, by a plain scan. */
function scan(record: MarcRecord, ...tags: string[]): string[][] {
  return record.fields.filter((field) => tags.includes(field[0] ?? ''));
}

const TAGS = ['001', '003', '008', '020', '100', '245', '650', '700', '852', '880', '952', 'AVA', 'CAT', '', '00a', '1234', '999', '000'];

/** A record of `n` fields with tags picked from TAGS by a fixed sequence, so tags repeat and interleave. */
function record(seed: number, n: number): MarcRecord {
  const fields: string[][] = [];
  for (let i = 0; i < n; i++) {
    const tag = TAGS[(seed * 7 + i * i * 3 + i) % TAGS.length]!;
    fields.push(tag.startsWith('00') && tag !== '00a' ? [tag, `control ${seed}.${i}`] : [tag, '  ', 'a', `value ${seed}.${i}`]);
  }
  return { leader: '00000nam a2200000 i 4500', fields };
}

test('dataFields and controlField find what a plain scan finds, for digit and other tags, one tag or several', () => {
  // Records one after another, as a reader maps them, and some asked about again after another.
  const records = Array.from({ length: 40 }, (_, seed) => record(seed, seed % 13 === 0 ? 0 : 3 + ((seed * 5) % 300)));
  for (const r of [...records, records[3]!, records[0]!, records[17]!]) {
    for (const tag of TAGS) {
      assert.deepEqual(dataFields(r, tag), scan(r, tag), `tag "${tag}"`);
      assert.equal(controlField(r, tag), scan(r, tag)[0]?.[1], `first "${tag}"`);
    }
    assert.deepEqual(dataFields(r, '700', '100', 'AVA', '650'), scan(r, '100', '650', '700', 'AVA'));
    assert.deepEqual(dataFields(r, '880', '999', 'CAT', '', '1234'), scan(r, '880', '999', 'CAT', '', '1234'));
    assert.deepEqual(dataFields(r, '555', 'XYZ'), []);
  }
});

test('a record whose fields grow after it was asked about is looked at again', () => {
  const r = record(1, 5);
  const before = dataFields(r, '245', 'AVA').length;
  r.fields.push(['245', '10', 'a', 'Added'], ['AVA', '  ', 'a', 'Added too']);
  assert.equal(dataFields(r, '245', 'AVA').length, before + 2);
  assert.deepEqual(dataFields(r, '245', 'AVA'), scan(r, '245', 'AVA'));
});

test('the fields found are a new list each time: changing one leaves the next answer alone', () => {
  const r = record(2, 30);
  const first = dataFields(r, '650');
  first.push(['650', '  ', 'a', 'not in the record']);
  assert.deepEqual(dataFields(r, '650'), scan(r, '650'));
});
