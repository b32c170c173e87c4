/**
 * Seeded randomness for the synthetic catalogue, so every run generates the
 * same records and queries. The generator itself is seed/lib/prng.ts's mulberry32.
 */

/**
 * Picks ranks 0..size-1 with probability proportional to 1/(rank+1)^s: the
 * Zipf law word frequencies (and author or subject popularity) follow.
 */
export function zipf(size: number, s: number, random: () => number): () => number {
  const cumulative = new Float64Array(size);
  let total = 0;
  for (let r = 0; r < size; r++) cumulative[r] = total += 1 / Math.pow(r + 1, s);
  return () => {
    const target = random() * total;
    let lo = 0;
    let hi = size - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cumulative[mid]! < target) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

/** Picks from weighted choices. */
export function weighted<T>(choices: ReadonlyArray<readonly [T, number]>, random: () => number): () => T {
  const total = choices.reduce((sum, [, w]) => sum + w, 0);
  return () => {
    let x = random() * total;
    for (const [value, w] of choices) if ((x -= w) < 0) return value;
    return choices[choices.length - 1]![0];
  };
}

const ONSETS = 'b c d f g h j k l m n p r s t v w br ch cl dr fl gr pl sh st th tr wh'.split(' ');
const VOWELS = 'a e i o u ai ea ee oo ou ie'.split(' ');
const CODAS = ['', '', '', 'n', 'r', 's', 'l', 'nd', 'st', 'rk', 'th', 'ng'];

/** `count` distinct pronounceable pseudo-words (no "q", so a word with one never matches). */
export function pseudoWords(count: number, random: () => number, exclude: Set<string> = new Set()): string[] {
  const words = new Set<string>();
  const pick = (list: string[]) => list[Math.floor(random() * list.length)]!;
  while (words.size < count) {
    const syllables = 1 + Math.floor(random() * 3);
    let word = '';
    for (let i = 0; i < syllables; i++) word += pick(ONSETS) + pick(VOWELS);
    word += pick(CODAS);
    if (word.length >= 3 && !exclude.has(word)) words.add(word);
  }
  return [...words];
}
