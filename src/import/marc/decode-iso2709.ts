import { isAscii, isUtf8 } from 'node:buffer';
import { printable, readDirectory } from './iso2709-check.js';
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
  const warnings: string[] = [];
  const directory = readDirectory(raw, warnings);
  const given = raw.toString('latin1', 0, 24);
  const coding = codingOf(raw, given, directory, warnings);
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
