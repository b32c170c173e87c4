import type { RecordStore } from '../storage/store.js';
import { foldForSearch } from '../text/fold.js';
import { isStemmable, stemmerFor } from '../text/stem.js';
import type { QueryTerm, StoreSearchQuery } from '../model/search-query.js';
import { perRange } from './per-range.js';

/** Where the catalogue's vocabulary is read from. */
export type Vocabulary = Pick<RecordStore, 'vocabulary'>;

/** At most this many other forms per word, the most common first. */
const MAX_FORMS = 8;
/** Vocabulary words read per lookup: the forms of a word sort together, right after its prefix. */
const RANGE = 400;

/** The prefix every form of a word shares: the stem's, less a final "i" that stands for "y" (diari: diary, diaries). */
function sharedPrefix(word: string, stem: string): string {
  let n = 0;
  while (n < word.length && n < stem.length && word[n] === stem[n]) n++;
  if (n === stem.length && stem.endsWith('i')) n--;
  return word.slice(0, n);
}

/**
 * The other forms of a word the catalogue holds: vocabulary words with the
 * same Snowball stem in one of `languages` ("hobbit" for "hobbits",
 * "gardens" and "gardener" for "gardening"; "geschichte" for "geschichten"
 * in German), most common first. Words that are not plain Latin letters,
 * such as ISBNs, have none.
 */
export async function formsOf(word: string, vocabulary: Vocabulary, languages: readonly string[] = ['eng']): Promise<string[]> {
  const folded = foldForSearch(word);
  if (!isStemmable(folded)) return [];
  const stemmers = languages.map(stemmerFor).filter((s): s is (w: string) => string => s !== null);
  const stems = stemmers.map((stem) => stem(folded));
  // One range of the vocabulary holds every form: the shortest prefix the word shares with any of its stems.
  const prefix = stems.map((stem) => sharedPrefix(folded, stem)).reduce((a, b) => (a.length <= b.length ? a : b), folded);
  if (prefix.length < 3) return [];
  const terms = await vocabulary.vocabulary(prefix, RANGE);
  return formsInRange(terms, `${languages.join(',')}:${folded}`, () => terms
    .filter(({ term }) => term !== folded && isStemmable(term) && stemmers.some((stem, i) => stem(term) === stems[i]))
    .sort((a, b) => b.docs - a.docs || (a.term < b.term ? -1 : 1))
    .slice(0, MAX_FORMS)
    .map(({ term }) => term));
}
/** Stemming every word of a range is most of a search's cost on the serving thread, so it is done once per range. */
const formsInRange = perRange<string[]>();

/** A term with the other forms of its word, when it is one plain word (phrases stay exact, field `isbn` is digits). */
async function withForms(term: QueryTerm, vocabulary: Vocabulary, languages: readonly string[]): Promise<QueryTerm> {
  if (term.phrase || term.words.length !== 1 || term.field === 'isbn') return term;
  const forms = await formsOf(term.words[0]!, vocabulary, languages);
  return forms.length > 0 ? { ...term, forms } : term;
}

/**
 * The languages whose word forms a search takes: those ticked in the Language
 * facet that Snowball has a stemmer for, or else English, which most of a
 * UK library's catalogue is in. A French word is then not stemmed by English
 * rules, nor an English one by French rules.
 */
function languagesOf(query: StoreSearchQuery): string[] {
  const ticked = query.filters.filter((f) => f.field === 'language' && stemmerFor(f.value) !== null).map((f) => f.value);
  return ticked.length > 0 ? [...new Set(ticked)].sort() : ['eng'];
}

/**
 * Word forms, the one search step that reads the store: each plain word of
 * the query also matches its other forms in the catalogue's vocabulary, in
 * the search's languages. The store ranks the typed form above the others.
 */
export async function addWordForms(query: StoreSearchQuery, vocabulary: Vocabulary): Promise<StoreSearchQuery> {
  const languages = languagesOf(query);
  const clauses = await Promise.all(query.clauses.map(async (clause) => {
    const [head, ...or] = await Promise.all([clause, ...(clause.or ?? [])].map((term) => withForms(term, vocabulary, languages)));
    return { ...clause, ...head, ...(or.length > 0 ? { or } : {}) };
  }));
  return { ...query, clauses };
}
