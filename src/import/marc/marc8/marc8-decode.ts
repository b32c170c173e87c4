import { MARC8_CONTROLS, MARC8_TABLES } from './marc8-tables.js';

/** Text decoded from MARC-8, and what could not be read in it (in words a librarian can act on). */
export interface Marc8Text {
  text: string;
  problems: string[];
}

interface LoadedSet {
  name: string;
  width: 1 | 3;
  chars: Map<number, string>;
  combining: Set<number>;
}

const REPLACEMENT = '\uFFFD';
const ESC = 0x1b;
const BASIC_LATIN = 0x42;
const ANSEL = 0x45;
/** Technique 2 escapes (ESC + one byte) select these sets into G0; ESC s returns to Basic Latin. */
const SINGLE_ESCAPES = new Set([0x67, 0x62, 0x70]);
const loaded = new Map<number, LoadedSet>();
const controls = new Map(MARC8_CONTROLS.split(' ').map((pair) => pair.split(':')).map(([code, ucs]) => [parseInt(code!, 16), String.fromCodePoint(parseInt(ucs!, 16))]));

function set(code: number): LoadedSet | undefined {
  let hit = loaded.get(code);
  if (hit) return hit;
  const table = MARC8_TABLES[code];
  if (!table) return undefined;
  const chars = new Map<number, string>();
  for (const pair of table.map.split(' ')) {
    const [key, ucs] = pair.split(':');
    chars.set(parseInt(key!, 16), ucs ? String.fromCodePoint(parseInt(ucs, 16)) : '');
  }
  hit = { name: table.name, width: table.width, chars, combining: new Set(table.combining.split(' ').filter(Boolean).map((k) => parseInt(k, 16))) };
  loaded.set(code, hit);
  return hit;
}

/**
 * Decode MARC-8 bytes (one subfield: escapes do not carry across subfields)
 * to Unicode, using LC's code tables for every set, G0 and G1, EACC included.
 * Combining marks, which MARC-8 puts before their letter, are moved after it
 * as Unicode wants. Nothing throws: a byte that cannot be read, or a broken
 * escape sequence, becomes U+FFFD and a problem is reported. The result is NFC.
 */
export function decodeMarc8(bytes: Uint8Array): Marc8Text {
  if (isPlainAscii(bytes)) return { text: Buffer.from(bytes).toString('latin1'), problems: [] };
  let g0 = BASIC_LATIN;
  let g1 = ANSEL;
  let out = '';
  let marks = '';
  const problems: string[] = [];
  const emit = (char: string, combining: boolean) => {
    if (combining) marks += char;
    else {
      out += char + marks;
      marks = '';
    }
  };
  const bad = (what: string) => {
    problems.push(`${what}${out ? ` after "${out.slice(-20).trim()}"` : ' at the start'} was replaced by ${REPLACEMENT}`);
    emit(REPLACEMENT, false);
  };
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b === ESC) {
      const escape = readEscape(bytes, i);
      if (escape.target === 'g0' && escape.set !== undefined) g0 = escape.set;
      else if (escape.target === 'g1' && escape.set !== undefined) g1 = escape.set;
      else bad(escape.length + i >= bytes.length ? 'an incomplete change of character set (escape sequence)' : 'a change to a character set MARC-8 does not have (escape sequence)');
      i += escape.length;
      continue;
    }
    if (b === 0x20) {
      emit(' ', false);
      i++;
      continue;
    }
    if (b < 0x20 || (b >= 0x7f && b < 0xa0)) {
      const control = controls.get(b);
      if (control && b !== 0x1d && b !== 0x1e && b !== 0x1f) emit(control, false);
      else bad('a control character');
      i++;
      continue;
    }
    const current = set(b < 0x80 ? g0 : g1)!;
    if (current.width === 3) {
      if (i + 3 > bytes.length) {
        bad(`an East Asian (EACC) character cut short`);
        break;
      }
      const key = ((bytes[i]! & 0x7f) << 16) | ((bytes[i + 1]! & 0x7f) << 8) | (bytes[i + 2]! & 0x7f);
      const char = current.chars.get(key);
      if (char === undefined) bad(`a character the ${current.name} set does not have`);
      else emit(char, current.combining.has(key));
      i += 3;
      continue;
    }
    const key = b & 0x7f;
    const char = current.chars.get(key);
    if (char === undefined) bad(`a character the ${current.name} set does not have`);
    else emit(char, current.combining.has(key));
    i++;
  }
  out += marks;
  return { text: out.normalize('NFC'), problems };
}

/** What one escape sequence does, and how many bytes it takes (at least 1, so reading always moves on). */
function readEscape(bytes: Uint8Array, at: number): { target?: 'g0' | 'g1'; set?: number; length: number } {
  const next = bytes[at + 1];
  if (next === undefined) return { length: 1 };
  if (SINGLE_ESCAPES.has(next)) return { target: 'g0', set: next, length: 2 };
  if (next === 0x73) return { target: 'g0', set: BASIC_LATIN, length: 2 };
  let pos = at + 1;
  const multibyte = next === 0x24;
  if (multibyte) pos++;
  const intermediate = bytes[pos];
  let target: 'g0' | 'g1' | undefined;
  if (intermediate === 0x28 || intermediate === 0x2c) target = 'g0';
  else if (intermediate === 0x29 || intermediate === 0x2d) target = 'g1';
  // ESC $ F (no intermediate) selects a multibyte set into G0: how EACC is usually called.
  if (target) pos++;
  else if (multibyte) target = 'g0';
  else return { length: 1 };
  if (bytes[pos] === 0x21) pos++; // ANSEL is sometimes designated with "!E"
  const final = bytes[pos];
  if (final === undefined) return { length: pos - at };
  const known = MARC8_TABLES[final] && (MARC8_TABLES[final].width === 3) === multibyte ? final : undefined;
  return known === undefined ? { length: pos - at + 1 } : { target, set: known, length: pos - at + 1 };
}

function isPlainAscii(bytes: Uint8Array): boolean {
  for (const b of bytes) if (b < 0x20 || b > 0x7e) return false;
  return true;
}
