import { isbn13CheckDigit } from '../../src/text/isbn.js';

/**
 * A SYNTHETIC ISBN-13 for a demo record: these numbers are generated, not
 * the real ISBNs of the editions described. Print formats use 978-1, digital
 * and audio 979-8. The body is the record number times a prime modulo 10^8,
 * a bijection, so two records never share an ISBN; the check digit is valid.
 */
export function syntheticIsbn13(recordNumber: number, digital: boolean): string {
  const body = String((recordNumber * 7919 + 104729) % 100_000_000).padStart(8, '0');
  const first12 = (digital ? '9798' : '9781') + body;
  return first12 + isbn13CheckDigit(first12);
}
