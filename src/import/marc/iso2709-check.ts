/** One directory entry of an ISO 2709 record, checked against the record's bytes. */
export interface DirectoryEntry {
  tag: string;
  /** Offset of the field's first byte within the record. */
  start: number;
  /** Field length without its 0x1E terminator. */
  length: number;
}

/** A record whose structure cannot be read at all, in words a librarian can pass on to their system supplier. */
export class RecordStructureError extends Error {
  override name = 'RecordStructureError';
}

const FIELD_TERMINATOR = 0x1e;

/**
 * Read a record's directory as yaz and pymarc do: trust what can be trusted,
 * work around what cannot (a wrong record length, a base address that does
 * not end the directory, a field length that misses its terminator), and say
 * what was wrong in `warnings`. Throws only when no field can be found.
 */
export function readDirectory(bytes: Buffer, warnings: string[]): DirectoryEntry[] {
  if (bytes.length < 25) throw new RecordStructureError(`record is only ${bytes.length} bytes long; a leader alone is 24`);
  const leader = bytes.toString('latin1', 0, 24);
  const declared = /^\d{5}$/.test(leader.slice(0, 5)) ? Number(leader.slice(0, 5)) : undefined;
  if (declared === undefined) warnings.push(`the leader's record length "${printable(leader.slice(0, 5))}" is not a number; the record was read up to its end marker`);
  else if (declared !== bytes.length) warnings.push(`the leader gives the record length as ${declared} bytes but the record is ${bytes.length} bytes long`);
  const directoryEnd = bytes.indexOf(FIELD_TERMINATOR, 24);
  if (directoryEnd === -1) throw new RecordStructureError('no directory: the record has no field terminator after its leader');
  const base = directoryEnd + 1;
  const declaredBase = /^\d{5}$/.test(leader.slice(12, 17)) ? Number(leader.slice(12, 17)) : undefined;
  if (declaredBase !== base) warnings.push(`the leader's base address of data "${printable(leader.slice(12, 17))}" is wrong (the directory ends at byte ${base}); the directory was used`);
  const entries: DirectoryEntry[] = [];
  for (let at = 24; at + 12 <= directoryEnd; at += 12) {
    const fieldLength = digits(bytes, at + 3, 4);
    const offset = digits(bytes, at + 7, 5);
    if (!alphanumeric(bytes[at]!) || !alphanumeric(bytes[at + 1]!) || !alphanumeric(bytes[at + 2]!) || fieldLength < 0 || offset < 0) {
      warnings.push(`directory entry "${printable(bytes.toString('latin1', at, at + 12))}" cannot be read; that field was skipped`);
      continue;
    }
    const tag = tagAt(bytes, at);
    const start = base + offset;
    if (start >= bytes.length - 1) {
      warnings.push(`the directory puts field ${tag} past the end of the record; that field was skipped`);
      continue;
    }
    let length = fieldLength - 1;
    if (length < 0 || start + length >= bytes.length || bytes[start + length] !== FIELD_TERMINATOR) {
      // Read the field up to its own terminator instead, as yaz does.
      const end = bytes.indexOf(FIELD_TERMINATOR, start);
      length = (end === -1 ? bytes.length - 1 : end) - start;
      warnings.push(`the directory gives the wrong length for field ${tag}; the field was read up to its end marker`);
    }
    entries.push({ tag, start, length });
  }
  if ((directoryEnd - 24) % 12 !== 0) warnings.push('the directory has a partial entry at its end, which was ignored');
  if (!entries.length) throw new RecordStructureError('no field could be found: the record directory is empty or unreadable');
  return entries;
}

/**
 * The tag at `at`: one shared string per numeric tag, not a new one per
 * field, so the mapping's look-ups by tag hash each tag once (marc-record.ts).
 */
function tagAt(bytes: Buffer, at: number): string {
  const number = digits(bytes, at, 3);
  return number >= 0 ? NUMERIC_TAGS[number]! : String.fromCharCode(bytes[at]!, bytes[at + 1]!, bytes[at + 2]!);
}
const NUMERIC_TAGS = Array.from({ length: 1000 }, (_, n) => String(n).padStart(3, '0'));

/** The number written in `count` ASCII digits from `at`, or -1 when any of them is not a digit. */
function digits(bytes: Buffer, at: number, count: number): number {
  let value = 0;
  for (let i = at; i < at + count; i++) {
    const d = bytes[i]! - 0x30;
    if (d < 0 || d > 9) return -1;
    value = value * 10 + d;
  }
  return value;
}

function alphanumeric(byte: number): boolean {
  return (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5a) || (byte >= 0x61 && byte <= 0x7a);
}

/** Control characters shown as "?" so a message stays one readable line. */
export function printable(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?');
}
