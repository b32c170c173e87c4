import type { CatalogueRecord } from '../../model/record.js';

/** Plain ASCII letters and digits: what every BibTeX implementation accepts in a key. */
function ascii(text: string): string {
  return text.normalize('NFKD').replace(/[^A-Za-z0-9]/g, '');
}

/**
 * One citation key per record, unique within the export: surname, year and
 * first significant title word ("Bronte1847Jane"), with a, b, c... added when
 * two records would share a key, as BibTeX styles do.
 */
export function citationKeys(records: CatalogueRecord[]): string[] {
  const bases = records.map((r) => {
    const surname = ascii(r.authors[0]?.split(',')[0] ?? '');
    const word = r.title.split(/\s+/).map(ascii).find((w) => w.length > 3 && !/^(the|a|an|les|die|der|das)$/i.test(w)) ?? ascii(r.title.split(/\s+/)[0] ?? '');
    return `${surname}${r.year ?? ''}${word}` || ascii(r.id) || 'item';
  });
  const total = new Map<string, number>();
  for (const base of bases) total.set(base, (total.get(base) ?? 0) + 1);
  const seen = new Map<string, number>();
  const used = new Set<string>();
  return bases.map((base) => {
    if (total.get(base) === 1) return claim(base, used);
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    return claim(`${base}${suffix(n)}`, used);
  });
}

/** a, b, ... z, aa, ab, ... */
function suffix(n: number): string {
  return n < 26 ? String.fromCharCode(97 + n) : suffix(Math.floor(n / 26) - 1) + suffix(n % 26);
}

/** A key made by the suffix rule may still equal another record's base ("Emma" + "a"); add more until free. */
function claim(key: string, used: Set<string>): string {
  let candidate = key;
  for (let i = 2; used.has(candidate); i++) candidate = `${key}${i}`;
  used.add(candidate);
  return candidate;
}
