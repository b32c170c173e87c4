/**
 * Text folding: how Shelfmark makes "Brontë", "BRONTE" and "bronte" meet.
 * Every place that folds text uses a function from here. They differ on
 * purpose, each matching what its reader compares against; the table in
 * test/text/fold.test.ts shows every one on the same inputs.
 */

/**
 * Letters that Unicode does not decompose into a base letter plus an accent,
 * so accent-stripping leaves them alone ("Łódź" would stay "Łodz"). Members
 * type the plain letter; both the index and the query fold these the same way.
 */
const LETTERS: Record<string, string> = {
  Ł: 'L', ł: 'l', Ø: 'O', ø: 'o', Đ: 'D', đ: 'd', Ð: 'D', ð: 'd', Ħ: 'H', ħ: 'h',
  ß: 'ss', Æ: 'AE', æ: 'ae', Œ: 'OE', œ: 'oe', Þ: 'TH', þ: 'th', ı: 'i',
};
const PATTERN = new RegExp(`[${Object.keys(LETTERS).join('')}]`, 'g');

/** Replace the letters above with their plain Latin spelling; everything else is left as it is. */
export function foldLetters(text: string): string {
  return text.replace(PATTERN, (letter) => LETTERS[letter] ?? letter);
}

/** Nothing beyond ASCII: text that normalising and accent-stripping leave as it is. */
const ASCII = /^[\x00-\x7f]*$/;

/**
 * What the embedded index and its queries hand to FTS5's unicode61 tokenizer:
 * NFC, with the letters above spelled plainly. The tokenizer folds case and
 * Latin accents itself.
 */
export function foldForTokenizer(text: string): string {
  // ASCII has nothing to compose and none of the letters above: every imported record folds its text here.
  return ASCII.test(text) ? text : foldLetters(text.normalize('NFC'));
}

/**
 * Lower case, with accents removed from Latin letters only: the same folding
 * as FTS5's `unicode61 remove_diacritics 2`, so "Brontë" is "bronte" while
 * Cyrillic "й" stays a letter of its own. The MongoDB adapter searches in it.
 */
export function foldForSearch(text: string): string {
  return foldLetters(text).normalize('NFD').replace(/(\p{Script=Latin})\p{M}+/gu, '$1').normalize('NFC').toLowerCase();
}

/** Lower case without accents: the form sort keys are compared in. */
export function foldForSort(text: string): string {
  if (ASCII.test(text)) return text.toLowerCase().trim();
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim();
}

/**
 * "  Brontë   JANE " → "bronte jane": the form a search is logged and counted in. Case, accents and
 * spacing are folded so counts group what members meant; letters like Ł and ß are folded as search
 * folds them, so "Łódź" and "lodz" count together.
 */
export function normaliseQuery(q: string): string {
  return foldLetters(q).normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Words as the index sees them: letters and digits in any script, nothing else. */
export function words(text: string): string[] {
  return text.normalize('NFC').match(/[\p{L}\p{N}\p{M}]+/gu) ?? [];
}
