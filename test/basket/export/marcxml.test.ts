import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { MARC_SLIM_NS, toMarcxml } from '../../../src/basket/export/marcxml.js';
import { readMarcxml } from '../../../src/import/marc/marcxml-reader.js';
import type { CatalogueRecord } from '../../../src/model/record.js';
import { catalogue, emma, emmaAudio, makeRecord, miserables, prideDvd, verwandlung, warAndPeace } from '../../storage/fixtures.js';
import { hostile } from './hostile.js';

const ENTERED = new Date('2026-11-23T10:00:00Z');

type XmlNode = Record<string, unknown>;
const list = (v: unknown): XmlNode[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]) as XmlNode[];

/**
 * Well-formedness by fast-xml-parser's validator, then the MARC 21 slim
 * structure: a <collection> in the slim namespace, each <record> with a
 * 24-character leader, control fields 001-009, data fields with a 3-digit
 * tag, one-character indicators, and one-character subfield codes.
 */
function assertSlimCollection(xml: string): XmlNode[] {
  assert.equal(XMLValidator.validate(xml), true);
  const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', parseTagValue: false, trimValues: false }).parse(xml) as XmlNode;
  const collection = doc.collection as XmlNode;
  assert.equal(collection['@xmlns'], MARC_SLIM_NS);
  const records = list(collection.record);
  for (const record of records) {
    assert.match(String(record.leader), /^[\d ]{5}[acdnp][acdefgijkmoprt][abcdims][ a]a22[\d ]{5}[ 1-8uzIKLM][ acinu][ abc]4500$/);
    for (const cf of list(record.controlfield)) assert.match(String(cf['@tag']), /^00[1-9]$/);
    for (const df of list(record.datafield)) {
      assert.match(String(df['@tag']), /^(0[1-9]\d|[1-9]\d\d)$/);
      assert.match(String(df['@ind1']), /^[\da-z ]$/);
      assert.match(String(df['@ind2']), /^[\da-z ]$/);
      const subfields = list(df.subfield);
      assert.ok(subfields.length > 0, `datafield ${String(df['@tag'])} has no subfields`);
      for (const sf of subfields) assert.match(String(sf['@code']), /^[\da-z]$/);
    }
    const f008 = list(record.controlfield).find((cf) => cf['@tag'] === '008');
    assert.equal(String(f008?.['#text']).length, 40, '008 is 40 characters');
  }
  return records;
}

/** What Shelfmark's own MARCXML importer (saxes and the README's mapping) makes of the export. */
async function imported(xml: string): Promise<CatalogueRecord[]> {
  async function* bytes() {
    yield Buffer.from(xml, 'utf8');
  }
  const out: CatalogueRecord[] = [];
  for await (const item of readMarcxml(bytes(), 'basket.xml')) {
    assert.ok(item.ok === true, item.ok === false ? item.reason : 'a holdings item');
    out.push(item.record);
  }
  return out;
}

describe('MARCXML export', () => {
  it('is a well-formed MARC 21 slim collection, one record per item', () => {
    assert.equal(assertSlimCollection(toMarcxml(catalogue, ENTERED)).length, catalogue.length);
  });

  it('escapes markup and drops characters XML cannot carry', () => {
    const records = assertSlimCollection(toMarcxml([hostile], ENTERED));
    const f500 = list(records[0]!.datafield).find((df) => df['@tag'] === '500');
    assert.equal(list(f500?.subfield)[0]?.['#text'], '<script>alert(1)</script> & bell');
  });

  it('codes the media type in the leader and 008, and the language and date in 008', () => {
    const xml = toMarcxml([emmaAudio, prideDvd, verwandlung], ENTERED);
    assert.deepEqual([...xml.matchAll(/<leader>(.{24})<\/leader>/g)].map((m) => m[1]![6]), ['i', 'g', 'a']);
    assert.match(xml, /<controlfield tag="008">261123s1915 {4}xx .{17}ger d<\/controlfield>/);
  });

  it('comes back through the MARCXML importer as the same records', async () => {
    // The importer trims a final full stop as ISBD punctuation; 952 carries a loan only through its due date.
    const plain = [emma, emmaAudio, prideDvd, verwandlung, warAndPeace].map((r) => ({
      ...r,
      notes: r.notes.map((n) => n.replace(/\.$/, '')),
      holdings: r.holdings.map((h) => (h.status === 'on-loan' ? { ...h, dueDate: '2026-12-01' } : h)),
    }));
    assert.deepEqual(await imported(toMarcxml(plain, ENTERED)), plain);
  });

  it('keeps a qualified id, subject subdivisions, loans and reference copies through the importer', async () => {
    const record = makeRecord({
      id: '(UkWeS)000123', title: 'Les Misérables', authors: ['Hugo, Victor'], languages: ['fre', 'eng'], year: 1862,
      subjects: ['Paris (France) -- History -- 19th century'],
      holdings: [
        { itemId: 'B1', branch: 'Central', shelfmark: 'F HUG', status: 'on-loan', dueDate: '2026-12-01' },
        { itemId: 'B2', branch: 'Eastgate', shelfmark: 'F HUG', status: 'reference' },
      ],
    });
    assert.deepEqual(await imported(toMarcxml([record], ENTERED)), [record]);
    assert.match(toMarcxml([miserables], ENTERED), /<datafield tag="245" ind1="1" ind2="4">/);
  });
});
