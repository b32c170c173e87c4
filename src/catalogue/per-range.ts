import type { VocabularyTerm } from '../storage/store.js';

/**
 * Answers worked out from one range of the vocabulary, kept for as long as
 * the store hands back that same range: the embedded store keeps its ranges
 * per catalogue version, so a word's forms or spellings are worked out once
 * per import, not once per search. A store that reads afresh each time
 * (MongoDB) gets a new array, and the answer is worked out again.
 */
export function perRange<T>(): (range: VocabularyTerm[], word: string, compute: () => T) => T {
  const answers = new WeakMap<VocabularyTerm[], Map<string, T>>();
  return (range, word, compute) => {
    let byWord = answers.get(range);
    if (!byWord) answers.set(range, (byWord = new Map()));
    let answer = byWord.get(word);
    if (answer === undefined) byWord.set(word, (answer = compute()));
    return answer;
  };
}
