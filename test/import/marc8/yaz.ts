import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { encodeIso2709 } from '../../../bench/iso2709-writer.js';

/** True when yaz-marcdump (Debian package yaz) is installed: the outside reference for MARC-8. */
export const hasYaz = (() => {
  try {
    execFileSync('yaz-marcdump', ['-V'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

const MARC8_LEADER = '00000nam  2200000   4500';

/** Each value (raw MARC-8 bytes, latin1) as yaz-marcdump -f MARC-8 -t UTF-8 converts it, one subfield each. */
export function yazMarc8(values: string[]): string[] {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'shelfmark-yaz-'));
  try {
    const records: Buffer[] = [];
    for (let i = 0; i < values.length; i += 400) {
      const chunk = values.slice(i, i + 400);
      records.push(encodeIso2709(MARC8_LEADER, [['001', `r${i}`], ['500', '  ', ...chunk.flatMap((v) => ['a', v])]], 'latin1'));
    }
    const file = path.join(dir, 'in.mrc');
    writeFileSync(file, Buffer.concat(records));
    const xml = execFileSync('yaz-marcdump', ['-f', 'MARC-8', '-t', 'UTF-8', '-o', 'marcxml', file], { maxBuffer: 64 << 20 }).toString('utf8');
    return [...xml.matchAll(/<subfield code="a">([^<]*)<\/subfield>|<subfield code="a"\/>/g)].map((m) => unescapeXml(m[1] ?? ''));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function unescapeXml(text: string): string {
  return text.replace(/&(lt|gt|amp|quot|apos|#x[\da-fA-F]+|#\d+);/g, (_, e: string) =>
    e === 'lt' ? '<' : e === 'gt' ? '>' : e === 'amp' ? '&' : e === 'quot' ? '"' : e === 'apos' ? "'" : String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : Number(e.slice(1))),
  );
}
