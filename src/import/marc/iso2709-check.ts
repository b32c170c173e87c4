/** One directory entry of an ISO 2709 record, checked against the record's bytes. */
export interface DirectoryEntry {
  tag: string;
  /** Offset of the field's first byte within the record. */
  start: number;
  /** Field length including its 0x1E terminator. */
  length: number;
}

/** A structural fault in a record, in words a librarian can pass on to their system supplier. */
export class RecordStructureError extends Error {
  override name = 'RecordStructureError';
}

const FIELD_TERMINATOR = 0x1e;

/**
 * Check a record's leader and directory against its bytes before any library
 * reads it: MARC parsers (marcjs included) trust the directory and silently
 * return cut or empty fields when it lies. Returns the directory.
 */
export function checkIso2709(bytes: Buffer): DirectoryEntry[] {
  if (bytes.length < 25) throw new RecordStructureError(`record is only ${bytes.length} bytes long; a leader alone is 24`);
  const leader = bytes.toString('latin1', 0, 24);
  if (!/^\d{5}$/.test(leader.slice(0, 5))) throw new RecordStructureError(`bad leader: record length "${leader.slice(0, 5)}" is not a number`);
  if (!/^\d{5}$/.test(leader.slice(12, 17))) throw new RecordStructureError(`bad leader: base address of data "${leader.slice(12, 17)}" is not a number`);
  const declared = Number(leader.slice(0, 5));
  if (declared !== bytes.length) {
    throw new RecordStructureError(`wrong record length: the leader says ${declared} bytes but the record is ${bytes.length} bytes long`);
  }
  const base = Number(leader.slice(12, 17));
  if (base < 25 || base > bytes.length || (base - 25) % 12 !== 0 || bytes[base - 1] !== FIELD_TERMINATOR) {
    throw new RecordStructureError(`bad leader: base address of data ${base} does not end the directory`);
  }
  const entries: DirectoryEntry[] = [];
  for (let at = 24; at < base - 1; at += 12) {
    const entry = bytes.toString('latin1', at, at + 12);
    if (!/^[0-9A-Za-z]{3}\d{9}$/.test(entry)) throw new RecordStructureError(`bad directory entry "${entry}" at byte ${at} of the record`);
    const tag = entry.slice(0, 3);
    const length = Number(entry.slice(3, 7));
    const start = base + Number(entry.slice(7, 12));
    if (start + length > bytes.length - 1) {
      throw new RecordStructureError(`directory entry for field ${tag} points past the end of the record (to byte ${start + length} of ${bytes.length})`);
    }
    if (length < 1 || bytes[start + length - 1] !== FIELD_TERMINATOR) {
      throw new RecordStructureError(`directory entry for field ${tag} does not end at a field terminator (byte ${start + length - 1} of the record)`);
    }
    entries.push({ tag, start, length });
  }
  return entries;
}
