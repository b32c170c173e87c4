import { foldForSearch } from '../text/fold.js';
import { editDistance } from '../text/edit-distance.js';
import type { Vocabulary } from './word-forms.js';
import { perRange } from './per-range.js';
import type { VocabularyTerm } from '../storage/store.js';

/** Words of the vocabulary read per first letter when looking for a correction. */
const CANDIDATE_RANGE = 20_000;
/** A word that some records hold is still corrected when a spelling this many times as common is one edit away. */
const MUCH_MORE_COMMON = 20;

/** How far a correction may be from what was typed: one edit for short words, two for longer ones. */
const maxDistance = (word: string) => (word.length <= 4 ? 1 : 2);

/** Spellings tried per word: the best and the next ones, which the rest of the query may decide between. */
const PER_WORD = 3;
/** Whole-query corrections tried at most. */
const MAX_QUERIES = 4;

/**
 * The catalogue words a member most likely meant, best first: the closest
 * vocabulary words by edit distance (a swap of two letters counts as one),
 * then those more records hold. Empty when the word is the catalogue's own
 * spelling and no far more common one is an edit away.
 */
export async function correctWord(word: string, vocabulary: Vocabulary): Promise<string[]> {
  // Members rarely get a word's first letter wrong, so candidates share it: one range of the index, not all of it.
  const candidates = await vocabulary.vocabulary(word[0]!, CANDIDATE_RANGE);
  return correctionsInRange(candidates, word, () => closest(word, candidates));
}
/** Comparing a word with every candidate of its letter costs milliseconds, so it is done once per range. */
const correctionsInRange = perRange<string[]>();

function closest(word: string, candidates: VocabularyTerm[]): string[] {
  const docs = candidates.find((c) => c.term === word)?.docs ?? 0;
  const limit = docs > 0 ? 1 : maxDistance(word);
  const found: Array<{ term: string; distance: number; docs: number }> = [];
  for (const { term, docs: held } of candidates) {
    if (term === word || Math.abs(term.length - word.length) > limit || !/^\p{L}+$/u.test(term)) continue;
    if (docs > 0 && held < docs * MUCH_MORE_COMMON) continue;
    const distance = editDistance(word, term, limit);
    if (distance <= limit) found.push({ term, distance, docs: held });
  }
  found.sort((a, b) => a.distance - b.distance || b.docs - a.docs || (a.term < b.term ? -1 : 1));
  return found.slice(0, PER_WORD).map((f) => f.term);
}

/**
 * The member's whole query with misspelt words corrected ("jane austin" →
 * "jane austen"), field names, operators and everything else kept as typed:
 * the best spelling of every word first, then the same with one word's next
 * best spelling, so the caller can keep the one that finds the most. Empty
 * when there is nothing to correct.
 */
export async function correctQuery(q: string, vocabulary: Vocabulary): Promise<string[]> {
  const spans = [...q.matchAll(/[\p{L}\p{M}]+(?![\p{L}\p{M}\p{N}]*:)/gu)]
    .filter((m) => m[0] !== 'OR' && m[0] !== 'NOT' && !/\p{N}/u.test(q[m.index + m[0].length] ?? ''));
  const fixes = await Promise.all(spans.map(async (m) => {
    const folded = foldForSearch(m[0]);
    return /^[a-z]{3,}$/.test(folded) ? correctWord(folded, vocabulary) : [];
  }));
  if (fixes.every((f) => f.length === 0)) return [];
  const choices: number[][] = [fixes.map(() => 0)];
  fixes.forEach((fix, i) => {
    for (let k = 1; k < fix.length; k++) choices.push(fixes.map((_, j) => (j === i ? k : 0)));
  });
  return choices.slice(0, MAX_QUERIES).map((choice) => {
    let out = '';
    let at = 0;
    spans.forEach((m, i) => {
      const fix = fixes[i]![choice[i]!];
      if (!fix) return;
      out += q.slice(at, m.index) + fix;
      at = m.index + m[0].length;
    });
    return out + q.slice(at);
  });
}
