import { zipf } from './random.js';
import { STOPWORDS, VOCABULARY_SIZE } from './vocabulary.js';

/** One search in the mix: the URL path and what kind of query it is. */
export interface MixedQuery {
  kind: 'word' | 'pair' | 'phrase' | 'filtered' | 'none';
  path: string;
}

const FILTERS = ['mediaType:book', 'mediaType:dvd', 'language:fre', 'available:yes', 'branch:Riverside', 'decade:2010'];

/**
 * A fixed mix of searches, per 20: 7 single words, 4 pairs, 3 quoted phrases
 * (two title words in order), 4 word or pair searches with a facet filter (20%),
 * and 2 searches for a word no record holds (10%). Words are drawn with the
 * catalogue's own Zipf frequencies, leaving out the stopwords no one searches for alone.
 */
export function queryMix(words: string[], phrases: string[], size: number, random: () => number): MixedQuery[] {
  const rank = zipf(VOCABULARY_SIZE - STOPWORDS.length, 1.0, random);
  const word = () => words[STOPWORDS.length + rank()]!;
  const search = (q: string, filter?: string) =>
    `/search?${new URLSearchParams([['q', q], ...(filter ? [['f', filter] as [string, string]] : [])]).toString()}`;
  const plan: MixedQuery['kind'][] = ['word', 'word', 'word', 'word', 'word', 'word', 'word', 'pair', 'pair', 'pair',
    'pair', 'phrase', 'phrase', 'phrase', 'filtered', 'filtered', 'filtered', 'filtered', 'none', 'none'];
  const mix: MixedQuery[] = [];
  for (let i = 0; i < size; i++) {
    const kind = plan[i % plan.length]!;
    const path =
      kind === 'word' ? search(word())
      : kind === 'pair' ? search(`${word()} ${word()}`)
      : kind === 'phrase' ? search(`"${phrases[i % phrases.length]}"`)
      : kind === 'filtered' ? search(i % 2 ? word() : `${word()} ${word()}`, FILTERS[i % FILTERS.length])
      // "q" is in no generated word, so these match nothing; half pair it with a real word.
      : search(i % 2 ? `qzx${i}` : `${word()} qvoq${i}`);
    mix.push({ kind, path });
  }
  return mix;
}

/** Two consecutive words of a title, when it has them: a phrase that is known to match. */
export function phraseOf(title: string): string | undefined {
  const parts = title.toLowerCase().split(' ');
  return parts.length >= 2 ? `${parts[0]} ${parts[1]}` : undefined;
}
