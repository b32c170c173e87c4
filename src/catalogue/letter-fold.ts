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
