import type { CatalogueRecord, Holding, MediaType } from '../../model/record.js';

/** A control field (tag 001-009) or a data field with two indicators and subfields in order. */
export type MarcField =
  | { tag: string; value: string }
  | { tag: string; ind1: string; ind2: string; subfields: Array<[code: string, value: string]> };

/** Leader/06 type of record, the 007 physical description and 008/23 form of item for each media type. */
const FORMS: Record<MediaType, { type: string; f007?: string; form: string }> = {
  book: { type: 'a', form: ' ' },
  'large-print': { type: 'a', form: 'd' },
  ebook: { type: 'a', f007: 'cr', form: 'o' },
  audiobook: { type: 'i', f007: 'sd fsngnnmmned', form: ' ' },
  'music-cd': { type: 'j', f007: 'sd fsngnnmmned', form: ' ' },
  dvd: { type: 'g', f007: 'vd cvaizq', form: ' ' },
  other: { type: 'p', form: ' ' },
};

/**
 * Leader: length and base address are computed by ISO 2709 writers, so
 * MARCXML carries zeros; 'a' at 09 says UTF-8, 'c' at 18 says the subfields
 * carry no ISBD punctuation.
 */
export function leaderOf(record: CatalogueRecord): string {
  return `00000n${FORMS[record.mediaType].type}m a2200000 c 4500`;
}

/** 008: date entered (yymmdd), publication date, form of item and language; '|' (not coded) elsewhere. */
export function fixedFieldOf(record: CatalogueRecord, entered: Date): string {
  const yymmdd = entered.toISOString().slice(2, 10).replace(/-/g, '');
  const dates = record.year ? `s${String(record.year).padStart(4, '0')}    ` : 'nuuuuuuuu';
  // 18-34 depend on the material; only 23 (form of item) is coded. Books, music and sound recordings all keep form at 23.
  const material = `|||||${FORMS[record.mediaType].form}|||||||||||`;
  const language = /^[a-z]{3}$/.test(record.languages[0] ?? '') ? record.languages[0]! : '   ';
  return `${yymmdd}${dates}xx ${material}${language} d`;
}

/** "(ORG)number", as the importer builds ids from 003 and 001, is split back into the two. */
export function controlNumberOf(id: string): MarcField[] {
  const qualified = /^\(([^)]+)\)(.+)$/.exec(id);
  return qualified ? [{ tag: '001', value: qualified[2]! }, { tag: '003', value: qualified[1]! }] : [{ tag: '001', value: id }];
}

/** 007 when the media type has a physical description. */
export function physicalOf(record: CatalogueRecord): MarcField[] {
  const f007 = FORMS[record.mediaType].f007;
  return f007 ? [{ tag: '007', value: f007 }] : [];
}

/**
 * Holdings as Koha 952 items ($a/$b branch, $o shelfmark, $p barcode), the
 * form Shelfmark's importer and Koha read back. Status: $q due date for a
 * loan, $7 not for loan for reference copies, $1 lost for missing ones.
 * Koha marks a loan only by its due date, so a loan without one, and a copy
 * in transit, read back as on the shelf.
 */
export function itemField(h: Holding): MarcField {
  const subfields: Array<[string, string]> = [['a', h.branch], ['b', h.branch]];
  if (h.shelfmark) subfields.push(['o', h.shelfmark]);
  subfields.push(['p', h.itemId]);
  if (h.status === 'on-loan' && h.dueDate) subfields.push(['q', h.dueDate]);
  if (h.status === 'reference') subfields.push(['7', '1']);
  if (h.status === 'missing') subfields.push(['1', '1']);
  return { tag: '952', ind1: ' ', ind2: ' ', subfields };
}

/** Initial articles a filing order skips, by language: 245's second indicator counts their characters. */
const ARTICLES: Record<string, RegExp> = { eng: /^(the|an?) /i, fre: /^((les?|la) |l')/i, ger: /^(der|die|das|ein|eine) /i };

/** Nonfiling characters for 245 ind2 ("The " is 4), 0 when unsure. */
export function nonfilingOf(record: CatalogueRecord): string {
  const match = ARTICLES[record.languages[0] ?? '']?.exec(record.title);
  return match && match[0].length <= 9 ? String(match[0].length) : '0';
}
