import type { MediaType } from '../model/record.js';

/**
 * Words members use for a medium, read as the media type rather than as
 * text: "emma dvd" means the Emma DVDs. Each is one or two plain words as
 * typed (lower case); a quoted "large print" stays a phrase.
 */
const FORMAT_WORDS: ReadonlyArray<[string[], MediaType]> = [
  [['dvd'], 'dvd'], [['dvds'], 'dvd'],
  [['cd'], 'music-cd'], [['cds'], 'music-cd'], [['music', 'cd'], 'music-cd'],
  [['audiobook'], 'audiobook'], [['audiobooks'], 'audiobook'], [['audio', 'book'], 'audiobook'], [['audio', 'books'], 'audiobook'],
  [['talking', 'book'], 'audiobook'], [['talking', 'books'], 'audiobook'],
  [['ebook'], 'ebook'], [['ebooks'], 'ebook'], [['e-book'], 'ebook'], [['e-books'], 'ebook'], [['e', 'book'], 'ebook'],
  [['large', 'print'], 'large-print'], [['large-print'], 'large-print'],
];

/**
 * The format word starting at `at` among plain tokens (null where a token is
 * a phrase, a field search or negated), longest first, with how many tokens it takes.
 */
export function formatWordAt(tokens: Array<string | null>, at: number): { mediaType: MediaType; length: number } | null {
  let best: { mediaType: MediaType; length: number } | null = null;
  for (const [phrase, mediaType] of FORMAT_WORDS) {
    const matches = phrase.every((word, k) => tokens[at + k]?.toLowerCase() === word);
    if (matches && (!best || phrase.length > best.length)) best = { mediaType, length: phrase.length };
  }
  return best;
}
