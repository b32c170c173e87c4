/** A card number as typed ("1000 0000 01", "w12345") in the form it is stored: no spaces or dashes, upper case. */
export function normaliseCard(raw: unknown): string {
  return typeof raw === 'string' ? raw.replace(/[\s-]/g, '').toUpperCase().slice(0, 40) : '';
}
