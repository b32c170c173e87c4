import type { CatalogueRecord, MediaType } from '../src/model/record.js';
import { encodeIso2709 } from './iso2709-writer.js';

/** Leader/06, 007 and 008/23 (form of item) that the importer reads back as each media type. */
const FORM: Record<MediaType, { type: string; phys?: string; form: string }> = {
  book: { type: 'a', form: ' ' },
  'large-print': { type: 'a', form: 'd' },
  ebook: { type: 'a', phys: 'cr |||||||||', form: 'o' },
  audiobook: { type: 'i', phys: 'sd fsngnnmmned', form: ' ' },
  dvd: { type: 'g', phys: 'vd cvaizq', form: ' ' },
  'music-cd': { type: 'j', phys: 'sd fsngnnmmned', form: ' ' },
  other: { type: 'p', form: ' ' },
};

/** 40 characters: date entered, single date, place, form of item at 23, language at 35-37. */
function fixedField(record: CatalogueRecord, form: string): string {
  const year = String(record.year ?? '    ');
  return `240101s${year}    enk`.padEnd(23, ' ') + form + ''.padEnd(11, ' ') + (record.languages[0] ?? 'und') + ' d';
}

/**
 * The same record as UTF-8 MARC21, in the fields the importer maps back (see
 * the README's mapping), so the MARC and JSON files hold one catalogue.
 */
export function recordToMarc(record: CatalogueRecord): Buffer {
  const form = FORM[record.mediaType];
  const fields: string[][] = [['001', record.id]];
  if (form.phys) fields.push(['007', form.phys]);
  fields.push(['008', fixedField(record, form.form)]);
  for (const isbn of record.isbns) fields.push(['020', '  ', 'a', isbn]);
  if (record.languages.length > 1) fields.push(['041', '0 ', ...record.languages.flatMap((l) => ['a', l])]);
  const [main, ...added] = record.authors;
  if (main) fields.push(['100', '1 ', 'a', main]);
  const title = ['245', '10', 'a', record.title];
  if (record.subtitle) title.push('b', record.subtitle);
  if (record.statement) title.push('c', record.statement);
  fields.push(title);
  if (record.edition) fields.push(['250', '  ', 'a', record.edition]);
  fields.push(['264', ' 1', 'b', record.publisher ?? '', 'c', String(record.year ?? '')]);
  if (record.extent) fields.push(['300', '  ', 'a', record.extent]);
  for (const s of record.series) fields.push(['490', '0 ', 'a', s]);
  for (const note of record.notes) fields.push(['500', '  ', 'a', note]);
  if (record.summary) fields.push(['520', '  ', 'a', record.summary]);
  for (const subject of record.subjects) {
    const [topic, place] = subject.split(' -- ');
    fields.push(['650', ' 0', 'a', topic!, ...(place ? ['z', place] : [])]);
  }
  for (const genre of record.genres) fields.push(['655', ' 7', 'a', genre]);
  for (const name of added) fields.push(['700', '1 ', 'a', name]);
  for (const h of record.holdings) {
    const item = ['952', '  ', 'a', h.branch, 'o', h.shelfmark, 'p', h.itemId];
    if (h.status === 'on-loan' && h.dueDate) item.push('q', h.dueDate);
    if (h.status === 'reference') item.push('7', '1');
    if (h.status === 'missing') item.push('1', '1');
    fields.push(item);
  }
  return encodeIso2709(`00000n${form.type}m a2200000 i 4500`, fields);
}
