import { isAscii, isUtf8 } from 'node:buffer';
import marcjs from 'marcjs';
import { checkIso2709, RecordStructureError, type DirectoryEntry } from './iso2709-check.js';
import type { MarcRecord } from './marc-record.js';
import { marc8ToUtf8Record } from './marc8-transcode.js';

/**
 * Decode one ISO 2709 record to a MarcRecord in NFC: check its structure,
 * convert MARC-8 to UTF-8, refuse invalid UTF-8 (marcjs would silently turn
 * it into U+FFFD), then let marcjs parse it. Throws RecordStructureError.
 */
export function decodeIso2709(raw: Buffer): MarcRecord {
  const directory = checkIso2709(raw);
  const coding = String.fromCharCode(raw[9] ?? 0);
  let bytes = raw;
  if (coding === ' ') bytes = marc8ToUtf8Record(raw, directory);
  else if (coding !== 'a') throw new RecordStructureError(`bad leader: character coding (leader/09) is "${coding}", not "a" (UTF-8) or blank (MARC-8)`);
  else if (!isUtf8(raw)) throw new RecordStructureError(invalidUtf8Reason(raw, directory));
  const record = marcjs.Iso2709Parser.parse(bytes);
  if (!isAscii(bytes)) {
    for (const field of record.fields) for (let i = 1; i < field.length; i++) field[i] = field[i]!.normalize('NFC');
  }
  return record;
}

function invalidUtf8Reason(raw: Buffer, directory: DirectoryEntry[]): string {
  const bad = directory.find((e) => !isUtf8(raw.subarray(e.start, e.start + e.length)));
  return bad
    ? `invalid UTF-8 in field ${bad.tag} (bytes ${bad.start}-${bad.start + bad.length - 1} of the record), though leader/09 says UTF-8`
    : 'invalid UTF-8 in the leader or directory, though leader/09 says UTF-8';
}
