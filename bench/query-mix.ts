import type { CatalogueRecord } from '../src/model/record.js';
import { STOPWORDS } from './vocabulary.js';

/** One search in the mix: the URL path and what kind of query it is. */
export interface MixedQuery {
  kind: 'word' | 'pair' | 'phrase' | 'filtered' | 'none';
  path: string;
}

const STOP = new Set(STOPWORDS);
const PLAN: MixedQuery['kind'][] = ['word', 'word', 'word', 'word', 'word', 'word', 'word', 'pair', 'pair', 'pair',
  'pair', 'phrase', 'phrase', 'phrase', 'filtered', 'filtered', 'filtered', 'filtered', 'none', 'none'];

/** The words of a record a member might search for, in the order they appear, with the catalogue's Zipf frequencies. */
function wordsOf(record: CatalogueRecord): string[] {
  return `${record.title} ${record.summary ?? ''}`.toLowerCase().split(/\s+/).filter((w) => w && !STOP.has(w));
}

/** A filter the record passes, so a search built from its words and this filter finds at least that record. */
function filterOf(record: CatalogueRecord, i: number): string {
  const choices = [`mediaType:${record.mediaType}`, `language:${record.languages[0]}`, `branch:${record.holdings[0]?.branch}`,
    `decade:${Math.floor((record.year ?? 2000) / 10) * 10}`];
  if (record.holdings.some((h) => h.status === 'available')) choices.push('available:yes');
  return choices[i % choices.length]!;
}

/**
 * A fixed mix of searches, per 20: 7 single words, 4 pairs, 3 quoted phrases
 * (two title words in order), 4 word or pair searches with a facet filter
 * (20%), and 2 searches for a word no record holds (10%). Words are taken
 * from sample records, so they come with the catalogue's own frequencies and
 * every search but the 10% finds something.
 */
export function queryMix(samples: CatalogueRecord[], size: number, random: () => number): MixedQuery[] {
  const search = (q: string, filter?: string) =>
    `/search?${new URLSearchParams([['q', q], ...(filter ? [['f', filter] as [string, string]] : [])]).toString()}`;
  const mix: MixedQuery[] = [];
  for (let i = 0; i < size; i++) {
    const record = samples[i % samples.length]!;
    const words = wordsOf(record);
    const word = () => words[Math.floor(random() * words.length)] ?? 'love';
    const pair = () => `${word()} ${word()}`;
    const title = record.title.toLowerCase().split(' ');
    const kind = PLAN[i % PLAN.length]!;
    const path =
      kind === 'word' ? search(word())
      : kind === 'pair' ? search(pair())
      : kind === 'phrase' ? search(title.length >= 2 ? `"${title[0]} ${title[1]}"` : title[0]!)
      : kind === 'filtered' ? search(i % 2 ? word() : pair(), filterOf(record, i))
      // No generated word contains "q" followed by these letters, so these match nothing; half pair it with a real word.
      : search(i % 2 ? `qzx${i}` : `${word()} qvoq${i}`);
    mix.push({ kind, path });
  }
  return mix;
}
