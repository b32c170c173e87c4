/**
 * ISBN rules, in one place: every ISBN Shelfmark keeps is an ISBN-13 of digits
 * only, so "0-14-143951-3", "9780141439518" and "978-0-14-143951-8 (pbk.)" all
 * meet; the index also holds the ISBN-10 form, and searches read ISBNs typed
 * with hyphens or spaces.
 */

/** The ISBN-13 for an ISBN-10 or ISBN-13 written any usual way, or null when it is not a valid ISBN. */
export function normaliseIsbn(raw: string): string | null {
  // Exports append qualifiers such as "(pbk.)" or ": £7.99"; the number comes first.
  const match = /^[\s:;]*((?:97[89][\s-]?)?(?:\d[\s-]?){9}[\dXx])\b/.exec(raw.trim());
  if (!match?.[1]) return null;
  const compact = match[1].replace(/[\s-]/g, '').toUpperCase();
  if (compact.length === 10) return isValidIsbn10(compact) ? toIsbn13(compact) : null;
  if (compact.length === 13 && /^\d{13}$/.test(compact)) return isbn13CheckDigit(compact) === compact[12] ? compact : null;
  return null;
}

function isValidIsbn10(isbn: string): boolean {
  if (!/^\d{9}[\dX]$/.test(isbn)) return false;
  let sum = 0;
  for (let i = 0; i < 10; i++) sum += (10 - i) * (isbn[i] === 'X' ? 10 : isbn.charCodeAt(i) - 48);
  return sum % 11 === 0;
}

function toIsbn13(isbn10: string): string {
  const stem = `978${isbn10.slice(0, 9)}`;
  return stem + isbn13CheckDigit(stem);
}

/** Check digit for the first 12 digits of an ISBN-13. */
export function isbn13CheckDigit(digits: string): string {
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += (digits.charCodeAt(i) - 48) * (i % 2 === 0 ? 1 : 3);
  return String((10 - (sum % 10)) % 10);
}

/** Hyphenated or spaced ISBNs in a search ("978-0-14-143951-8") become the bare digits both adapters index. */
export function compactIsbn(word: string): string {
  const compact = word.replace(/[\s-]/g, '');
  return /^(\d{9}[\dXx]|\d{13})$/.test(compact) && /^[\d\s-]+[Xx]?$/.test(word) ? compact : word;
}

/** The ISBN-10 form of a 978 ISBN-13 (digits, maybe a final X), or null when there is none. */
export function isbn10Of(isbn13: string): string | null {
  if (!/^978\d{10}$/.test(isbn13)) return null;
  const body = isbn13.slice(3, 12);
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(body[i]) * (10 - i);
  const check = (11 - (sum % 11)) % 11;
  return body + (check === 10 ? 'X' : String(check));
}

/** A bare search token that is an ISBN typed with hyphens ("978-0-14-143951-8"). */
const ISBN_LIKE = /^(?=(?:[0-9][\s-]?){9}(?:(?:[0-9][\s-]?){3})?[0-9xX]$)[0-9][0-9\s-]*[0-9xX]$/;

/** True when a bare search token is written like an ISBN. */
export function isIsbnLike(token: string): boolean {
  return ISBN_LIKE.test(token);
}

/** ISBNs are typed with hyphens, spaces or an X check digit; the index holds digits. */
export function isbnWords(text: string): string[] {
  const compact = text.replace(/[\s-]/g, '');
  return compact.match(/[0-9]+[xX]?/g)?.map((w) => w.toUpperCase()) ?? [];
}

/**
 * An ISBN typed in groups with spaces ("978 0 14 143958 7") joined into one
 * word, so it reads as the ISBN it is (`isbn:` before it kept). Only groups that together make a valid
 * ISBN are joined: years or other numbers beside them stay as they are.
 */
export function joinSpacedIsbns(text: string): string {
  const chunks = text.split(/(\s+)/);
  const isGroup = (chunk: string | undefined) => chunk !== undefined && /^[\d-]*\d[\d-]*[Xx]?$|^[Xx]$/.test(chunk);
  const out: string[] = [];
  for (let i = 0; i < chunks.length; i++) {
    let joined: number | null = null;
    if (isGroup(chunks[i]?.replace(/^isbn:/i, ''))) {
      // Words sit at even positions, the spaces between them at odd ones; try the longest run first.
      for (let j = Math.min(chunks.length - 1, i + 12); j > i; j -= 2) {
        const run = chunks.slice(i, j + 1).filter((_, k) => k % 2 === 0);
        const field = /^isbn:/i.exec(run[0]!)?.[0] ?? '';
        run[0] = run[0]!.slice(field.length);
        if (!run.every(isGroup)) continue;
        const compact = run.join('').replace(/-/g, '');
        if ((compact.length === 10 || compact.length === 13) && normaliseIsbn(compact)) {
          joined = j;
          out.push(field + compact.toUpperCase());
          break;
        }
      }
    }
    if (joined === null) out.push(chunks[i]!);
    else i = joined;
  }
  return out.join('');
}
