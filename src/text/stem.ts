import snowball from 'snowball-stemmers';

/** The Snowball stemmers by the MARC language code a record's language facet holds. */
const SNOWBALL_BY_MARC: Record<string, string> = {
  eng: 'english', fre: 'french', ger: 'german', spa: 'spanish', ita: 'italian', por: 'portuguese',
  dut: 'dutch', dan: 'danish', swe: 'swedish', nor: 'norwegian', fin: 'finnish', hun: 'hungarian',
  rum: 'romanian', rus: 'russian', tur: 'turkish', cat: 'catalan', cze: 'czech', gle: 'irish',
  arm: 'armenian', baq: 'basque', slv: 'slovene', tam: 'tamil', ara: 'arabic',
};
const stemmers = new Map<string, { stem(word: string): string }>();

/**
 * A word's Snowball stemmer for a MARC language code ("eng": Porter2, "fre",
 * "ger"…), or null when Snowball has none (Welsh, Chinese…): for finding the
 * other forms of a word a member typed ("hobbits" and "hobbit"). Expects a
 * lower-case word as the index holds it.
 */
export function stemmerFor(language: string): ((word: string) => string) | null {
  const algorithm = SNOWBALL_BY_MARC[language];
  if (!algorithm) return null;
  let stemmer = stemmers.get(algorithm);
  if (!stemmer) stemmers.set(algorithm, (stemmer = snowball.newStemmer(algorithm)));
  return (word) => stemmer.stem(word);
}

/** True for words worth stemming: three or more Latin letters (not ISBNs, numbers or other scripts, which these rules would only harm). */
export function isStemmable(word: string): boolean {
  return /^[a-z]{3,}$/.test(word);
}
