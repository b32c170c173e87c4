import { open } from 'node:fs/promises';
import type { ImportFormat } from '../storage/import-run-store.js';

const SNIFF_BYTES = 64 * 1024;

/** Guess a file's format from its first bytes; null when it is none Shelfmark reads. */
export async function detectFormat(path: string): Promise<ImportFormat | null> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, SNIFF_BYTES, 0);
    return detectFormatOf(buffer.subarray(0, bytesRead));
  } finally {
    await handle.close();
  }
}

/** The same guess from bytes already read. */
export function detectFormatOf(head: Buffer): ImportFormat | null {
  let start = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
  while (start < head.length && /\s/.test(String.fromCharCode(head[start]!))) start++;
  const text = head.toString('latin1', start, start + 24);
  // A MARC leader: record length, then base address at 12-16; the terminators catch a first record with a broken leader.
  if (/^\d{5}.{7}\d{5}/s.test(text) || (head.includes(0x1e) && head.includes(0x1f))) return 'marc21';
  if (text.startsWith('<')) return 'marcxml';
  if (text.startsWith('[')) return 'json';
  if (text.startsWith('{')) return 'ndjson';
  const firstLine = head.toString('utf8', start).split(/\r?\n/, 1)[0] ?? '';
  if (/^[^\x00-\x08\x0e-\x1f]*$/.test(firstLine) && /[,;\t]/.test(firstLine) && /\btitle\b/i.test(firstLine)) return 'csv';
  return null;
}
