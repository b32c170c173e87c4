import { isAscii, isUtf8 } from 'node:buffer';
import { printable, readDirectory, type DirectoryEntry } from './iso2709-check.js';
import type { MarcRecord } from './marc-record.js';
import { decodeMarc8 } from './marc8/marc8-decode.js';

/** A record read from ISO 2709, and what had to be repaired on the way. */
export interface DecodedRecord {
  marc: MarcRecord;
  warnings: string[];
}

type Coding = 'utf8' | 'marc8';
const SUBFIELD_DELIMITER = 0x1f;
const utf8 = new TextDecoder('utf-8');

/**
 * Decode one ISO 2709 record to a MarcRecord in NFC, leniently: text is
 * decoded subfield by subfield (MARC-8 by LC's tables when leader/09 is
 * blank, else UTF-8), and a bad byte costs that character (U+FFFD) with a
 * warning naming the field and subfield. Throws RecordStructureError only
 * when the record's structure cannot be read at all.
 */
export function decodeIso2709(raw: Buffer): DecodedRecord {
  return decode(raw, false);
}

/** decodeIso2709 without the fast path for well-formed UTF-8 records; tests check both read every record alike. */
export function decodeIso2709Carefully(raw: Buffer): DecodedRecord {
  return decode(raw, true);
}

function decode(raw: Buffer, careful: boolean): DecodedRecord {
  const warnings: string[] = [];
  const directory = readDirectory(raw, warnings);
  const given = raw.toString('latin1', 0, 24);
  const coding = codingOf(raw, given, directory, warnings);
  if (!careful && coding === 'utf8' && warnings.length === 0 && PRINTABLE_LEADER.test(given)) {
    const fields = wellFormedFields(raw, directory);
    if (fields) return { marc: { leader: given, fields }, warnings };
  }
  let leader = `${given.slice(0, 9)}${coding === 'utf8' ? 'a' : ' '}${given.slice(10)}`;
  if (/[^\x20-\x7e]/.test(leader)) {
    warnings.push(`the leader holds control or non-ASCII characters (positions ${[...leader].flatMap((c, i) => (/[\x20-\x7e]/.test(c) ? [] : [String(i).padStart(2, '0')])).join(', ')}), read as blanks`);
    leader = leader.replace(/[^\x20-\x7e]/g, ' ');
  }
  const fields = directory.map(({ tag, start, length }) => {
    const body = raw.subarray(start, start + length);
    if (/^00\d$/.test(tag)) return [tag, decodeText(body, coding, (p) => warnings.push(`field ${tag}: ${p}`))];
    const indicators = body.toString('latin1', 0, Math.min(2, body.length)).padEnd(2, ' ');
    const field = [tag, /^[\x20-\x7e]{2}$/.test(indicators) ? indicators : indicators.replace(/[^\x20-\x7e]/g, ' ')];
    let at = body.indexOf(SUBFIELD_DELIMITER, 2);
    if (at > 2 || (at === -1 && body.length > 2)) warnings.push(`field ${tag}: text before the first subfield code ("${printable(body.toString('latin1', 2, at === -1 ? undefined : at)).slice(0, 30)}") was left out`);
    while (at !== -1) {
      const next = body.indexOf(SUBFIELD_DELIMITER, at + 1);
      const sub = body.subarray(at + 1, next === -1 ? body.length : next);
      at = next;
      if (!sub.length) continue;
      let code = String.fromCharCode(sub[0]!);
      if (!/^[0-9a-zA-Z]$/.test(code)) {
        warnings.push(`field ${tag}: a subfield code that is not a letter or digit was replaced by \uFFFD (its text is kept but not shown)`);
        code = '\uFFFD';
      }
      field.push(code, decodeText(sub.subarray(1), coding, (p) => warnings.push(`field ${tag} $${code}: ${p}`)));
    }
    return field;
  });
  return { marc: { leader, fields }, warnings };
}

const PRINTABLE_LEADER = /^[\x20-\x7e]{24}$/;

/**
 * The fields of a record labelled UTF-8 with nothing to repair, the way most
 * records are: each field is decoded once and cut into subfields as text,
 * instead of a buffer and a decode per subfield. Returns undefined at the
 * first thing the careful path below would warn about (bytes that are not
 * UTF-8, a subfield code that is not a letter or digit, odd indicators, text
 * before the first subfield code), so that path reads the record instead and
 * words the warning; both give the same fields for every record.
 */
function wellFormedFields(raw: Buffer, directory: DirectoryEntry[]): string[][] | undefined {
  const ascii = isAscii(raw);
  if (!ascii) {
    let first = raw.length - 1;
    for (const entry of directory) if (entry.start < first) first = entry.start;
    if (!isUtf8(raw.subarray(first, raw.length - 1))) return undefined;
  }
  // With only ASCII bytes, byte offsets are string offsets: one string for the whole record.
  const whole = ascii ? raw.toString('latin1') : '';
  const fields: string[][] = [];
  for (const { tag, start, length } of directory) {
    const text = ascii ? whole.slice(start, start + length) : raw.toString('utf8', start, start + length);
    // TextDecoder drops a byte order mark at the start of a subfield, Buffer does not: leave those to the careful path.
    if (!ascii && text.includes('\uFEFF')) return undefined;
    if (tag.charCodeAt(0) === 0x30 && tag.charCodeAt(1) === 0x30 && tag.charCodeAt(2) >= 0x30 && tag.charCodeAt(2) <= 0x39) {
      fields.push([tag, ascii ? text : text.normalize('NFC')]);
      continue;
    }
    // Two printable indicators, then nothing but subfields, each with a letter or digit as its code.
    if (text.length < 2 || !printableAt(text, 0) || !printableAt(text, 1)) return undefined;
    if (text.length > 2 && text.charCodeAt(2) !== SUBFIELD_DELIMITER) return undefined;
    const field = [tag, text.slice(0, 2)];
    let at = 2;
    while (at < text.length) {
      const next = text.indexOf('\x1f', at + 1);
      const stop = next === -1 ? text.length : next;
      if (stop > at + 1) {
        const code = text.charCodeAt(at + 1);
        if (!((code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a))) return undefined;
        const value = text.slice(at + 2, stop);
        // Per subfield, as the careful path does: a code letter must not compose with an accent after it.
        field.push(text[at + 1]!, ascii ? value : value.normalize('NFC'));
      }
      if (next === -1) break;
      at = next;
    }
    fields.push(field);
  }
  return fields;
}

function printableAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c >= 0x20 && c <= 0x7e;
}

/** leader/09: blank is MARC-8, "a" UTF-8; anything else is guessed from the bytes and warned about. */
function codingOf(raw: Buffer, leader: string, directory: { start: number; length: number }[], warnings: string[]): Coding {
  const flag = leader[9];
  if (flag === 'a') return 'utf8';
  if (flag === ' ') return 'marc8';
  const data = raw.subarray(directory[0]!.start);
  const guess: Coding = isUtf8(data) ? 'utf8' : 'marc8';
  warnings.push(`the leader's character coding (position 09) is "${printable(flag ?? '')}", neither blank (MARC-8) nor "a" (UTF-8); the text was read as ${guess === 'utf8' ? 'UTF-8' : 'MARC-8'}`);
  return guess;
}

function decodeText(bytes: Buffer, coding: Coding, warn: (problem: string) => void): string {
  if (coding === 'marc8') {
    const { text, problems } = decodeMarc8(bytes);
    for (const p of problems) warn(p);
    return text;
  }
  if (isAscii(bytes)) return bytes.toString('latin1'); // most subfields: nothing to decode or normalise
  const text = utf8.decode(bytes);
  if (text.includes('\uFFFD') && !isUtf8(bytes)) {
    const bad = text.split('\uFFFD').length - 1 - (bytes.toString('latin1').split('\xEF\xBF\xBD').length - 1);
    warn(`${bad === 1 ? 'a character that is not valid UTF-8' : `${bad} characters that are not valid UTF-8`} ${firstBad(text)} ${bad === 1 ? 'was' : 'were'} replaced by \uFFFD (the record says it is UTF-8)`);
  }
  return text.normalize('NFC');
}

function firstBad(text: string): string {
  const at = text.indexOf('\uFFFD');
  const before = text.slice(Math.max(0, at - 20), at).trim();
  return before ? `after "${before}"` : 'at the start';
}
