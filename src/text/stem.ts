import snowball from 'snowball-stemmers';

const english = snowball.newStemmer('english');

/**
 * A word's Snowball (Porter2) English stem, for finding the other forms of a
 * word a member typed: "hobbits" and "hobbit", "gardening" and "gardens" share one.
 * Expects a lower-case word as the index holds it.
 */
export function stemEnglish(word: string): string {
  return english.stem(word);
}

/** True for words worth stemming: three or more Latin letters (not ISBNs, numbers or other scripts, which English rules would only harm). */
export function isStemmable(word: string): boolean {
  return /^[a-z]{3,}$/.test(word);
}
