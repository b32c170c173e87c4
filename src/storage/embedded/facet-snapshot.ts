import fs from 'node:fs';
import { threadId } from 'node:worker_threads';

/** The facet index at one catalogue version, as written to and read from its file beside the store. */
export interface FacetSnapshot {
  generation: number;
  version: number;
  /** Per value id: its field's position in FACET_FIELDS, and its text. */
  valueField: number[];
  valueText: string[];
  /** Per record rowid: how many value ids it has; the ids follow one another in `pool`, rowid after rowid. */
  lengths: Uint32Array;
  pool: Int32Array;
}

const MAGIC = 'shelfmark facet index 1\n';

/** The snapshot file of a store file: beside it, so it goes wherever the data directory goes. */
export function snapshotFileOf(storeFile: string): string | null {
  return storeFile === '' || storeFile === ':memory:' ? null : `${storeFile}-facets`;
}

/**
 * Write a snapshot whole, then rename it into place, so a reader never sees
 * half of one. Runs on a search worker, never on the serving thread (tens of
 * megabytes at a million records).
 */
export function writeSnapshot(file: string, snapshot: FacetSnapshot): void {
  const { lengths, pool, ...rest } = snapshot;
  const header = Buffer.from(JSON.stringify({ ...rest, records: lengths.length, pooled: pool.length }));
  const lead = Buffer.alloc(Buffer.byteLength(MAGIC) + 4);
  lead.write(MAGIC);
  lead.writeUInt32LE(header.length, Buffer.byteLength(MAGIC));
  const padding = Buffer.alloc((4 - ((lead.length + header.length) % 4)) % 4);
  const tmp = `${file}.${process.pid}-${threadId}.tmp`;
  const fd = fs.openSync(tmp, 'w');
  try {
    for (const part of [lead, header, padding, Buffer.from(lengths.buffer, lengths.byteOffset, lengths.byteLength), Buffer.from(pool.buffer, pool.byteOffset, pool.byteLength)]) {
      fs.writeSync(fd, part);
    }
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(tmp, file);
}

/** The snapshot in `file`, or null when there is none or it cannot be read (the caller then builds one). */
export function readSnapshot(file: string): FacetSnapshot | null {
  try {
    const bytes = fs.readFileSync(file);
    const magicLength = Buffer.byteLength(MAGIC);
    if (bytes.toString('utf8', 0, magicLength) !== MAGIC) return null;
    const headerLength = bytes.readUInt32LE(magicLength);
    const headerStart = magicLength + 4;
    const header = JSON.parse(bytes.toString('utf8', headerStart, headerStart + headerLength)) as Omit<FacetSnapshot, 'lengths' | 'pool'> & { records: number; pooled: number };
    let at = headerStart + headerLength;
    at += (4 - (at % 4)) % 4;
    if (at + 4 * (header.records + header.pooled) !== bytes.length) return null;
    // Copied out of the file's buffer: typed arrays need 4-byte alignment, which a Buffer does not promise.
    const lengths = new Uint32Array(bytes.buffer.slice(bytes.byteOffset + at, bytes.byteOffset + at + 4 * header.records));
    at += 4 * header.records;
    const pool = new Int32Array(bytes.buffer.slice(bytes.byteOffset + at, bytes.byteOffset + at + 4 * header.pooled));
    const { generation, version, valueField, valueText } = header;
    return { generation, version, valueField, valueText, lengths, pool };
  } catch {
    return null;
  }
}

/**
 * One build at a time across the search workers of a store: the first to
 * need the index builds it and writes the snapshot, the others wait and read
 * it. `lock` is a shared Int32Array (0 free, 1 building); without one, the
 * caller is alone and builds. A builder that never finishes (its thread was
 * ended) is waited for at most `patienceMs`, then ignored.
 */
export function withBuildLock(lock: Int32Array | undefined, build: () => void, patienceMs = 120_000): 'built' | 'waited' {
  if (!lock || Atomics.compareExchange(lock, 0, 0, 1) === 0) {
    try {
      build();
    } finally {
      if (lock) {
        Atomics.store(lock, 0, 0);
        Atomics.notify(lock, 0);
      }
    }
    return 'built';
  }
  const until = Date.now() + patienceMs;
  while (Atomics.load(lock, 0) === 1 && Date.now() < until) Atomics.wait(lock, 0, 1, until - Date.now());
  return 'waited';
}
