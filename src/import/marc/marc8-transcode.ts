import marc8 from 'marc8';
import { RecordStructureError, type DirectoryEntry } from './iso2709-check.js';

const SUBFIELD_DELIMITER = 0x1f;
const FIELD_TERMINATOR = 0x1e;

/**
 * Rewrite a checked MARC-8 record (leader/09 blank) as the same record in
 * NFC UTF-8 (leader/09 'a'), with a new directory for the new field lengths,
 * so the rest of the importer only ever sees UTF-8. The `marc8` package does
 * the character mapping (ANSEL, Greek, Cyrillic, Hebrew, Arabic, EACC);
 * each subfield is translated on its own, starting from the default sets as
 * pymarc does, because escape sequences do not carry across subfields.
 */
export function marc8ToUtf8Record(bytes: Buffer, directory: DirectoryEntry[]): Buffer {
  const fields = directory.map((entry) => {
    const body = bytes.subarray(entry.start, entry.start + entry.length - 1);
    if (/^00\d$/.test(entry.tag)) return Buffer.concat([body, Buffer.of(FIELD_TERMINATOR)]);
    const parts: Buffer[] = [body.subarray(0, 2)];
    for (const sub of splitSubfields(body.subarray(2))) {
      parts.push(Buffer.of(SUBFIELD_DELIMITER), sub.subarray(0, 1), Buffer.from(translate(sub.subarray(1), entry.tag), 'utf8'));
    }
    parts.push(Buffer.of(FIELD_TERMINATOR));
    return Buffer.concat(parts);
  });
  const base = 24 + directory.length * 12 + 1;
  const dataLength = fields.reduce((n, f) => n + f.length, 0);
  const total = base + dataLength + 1;
  const leader = bytes.toString('latin1', 0, 24);
  const head = `${pad(total, 5)}${leader.slice(5, 9)}a${leader.slice(10, 12)}${pad(base, 5)}${leader.slice(17)}`;
  let offset = 0;
  const dir = directory.map((entry, i) => {
    const text = `${entry.tag}${pad(fields[i]!.length, 4)}${pad(offset, 5)}`;
    offset += fields[i]!.length;
    return text;
  });
  return Buffer.concat([Buffer.from(head + dir.join(''), 'latin1'), Buffer.of(FIELD_TERMINATOR), ...fields, Buffer.of(0x1d)]);
}

function translate(value: Buffer, tag: string): string {
  try {
    return marc8(value).normalize('NFC');
  } catch (error) {
    // marc8 throws a plain string naming the byte and the character set.
    throw new RecordStructureError(`field ${tag}: MARC-8 text that cannot be converted (${String(error)})`);
  }
}

function splitSubfields(data: Buffer): Buffer[] {
  const subs: Buffer[] = [];
  let at = data.indexOf(SUBFIELD_DELIMITER);
  while (at !== -1) {
    const next = data.indexOf(SUBFIELD_DELIMITER, at + 1);
    const sub = data.subarray(at + 1, next === -1 ? data.length : next);
    if (sub.length) subs.push(sub);
    at = next;
  }
  return subs;
}

function pad(n: number, width: number): string {
  if (String(n).length > width) throw new RecordStructureError(`record too long to convert from MARC-8 (${n} does not fit in ${width} digits)`);
  return String(n).padStart(width, '0');
}
