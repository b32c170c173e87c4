import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { encodeIso2709 } from './iso2709-writer.js';
import { mulberry32 as seededRandom } from '../seed/lib/prng.js';

const WORDS = 'river garden winter silent house letters night stone city light summer shadow island daughter mountain secret road fire glass song harbour field memory crown storm kingdom bread lantern orchard'.split(' ');
const SURNAMES = 'Austen Brontë Dickens Eliot Hardy Woolf Rankin Christie Mantel Ishiguro Smith Okafor Nowak Łukasz García Müller Øberg Dubois Rossi Tanaka'.split(' ');
const FORENAMES = 'Jane Charlotte Charles George Thomas Virginia Ian Agatha Hilary Kazuo Zadie Chidi Anna Piotr Lucía Jürgen Ingrid Amélie Marco Yuki'.split(' ');
const SUBJECTS = 'Detective and mystery stories|Family life|World War, 1939-1945|Gardening|Cookery|Scotland|Love stories|Historical fiction|Science fiction|Poetry|Children|Railways'.split('|');
const BRANCHES = ['Central Library', 'Northgate', 'Riverside', 'Eastfield', 'Mobile Library'];
const TYPES: [string, string][] = [['a', 'm'], ['a', 'm'], ['a', 'm'], ['i', 'm'], ['g', 'm'], ['j', 'm']];

/** One synthetic MARC21 (UTF-8) record, number `n` of the catalogue. */
export function syntheticRecord(n: number, random: () => number): Buffer {
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const [type, level] = pick(TYPES);
  const title = Array.from({ length: 2 + Math.floor(random() * 3) }, () => pick(WORDS)).join(' ');
  const year = 1900 + Math.floor(random() * 125);
  const stem = `978${String(n).padStart(9, '0')}`;
  const isbn = stem + String((10 - ([...stem].reduce((s, d, i) => s + Number(d) * (i % 2 ? 3 : 1), 0) % 10)) % 10);
  const fields: string[][] = [
    ['001', `bench${n}`],
    ['003', 'SHELF'],
    ['008', `240101s${year}    enk           000 1 eng d`],
    ['020', '  ', 'a', isbn],
    ['100', '1 ', 'a', `${pick(SURNAMES)}, ${pick(FORENAMES)},`, 'd', '1950-'],
    ['245', '10', 'a', `${title[0]!.toUpperCase()}${title.slice(1)} /`, 'c', 'by someone.'],
    ['264', ' 1', 'a', 'London :', 'b', 'Shelfmark Press,', 'c', `${year}.`],
    ['300', '  ', 'a', `${100 + Math.floor(random() * 500)} pages ;`, 'c', '20 cm'],
    ['520', '  ', 'a', `A story of ${pick(WORDS)} and ${pick(WORDS)}.`],
    ['650', ' 0', 'a', pick(SUBJECTS)],
    ['952', '  ', 'a', pick(BRANCHES), 'o', `F ${pick(SURNAMES).toUpperCase().slice(0, 3)}`, 'p', `3${String(n).padStart(11, '0')}`],
  ];
  return encodeIso2709(`00000n${type}${level} a2200000 i 4500`, fields);
}

/** Write `count` synthetic MARC21 records to `path`, streaming, with a fixed seed; returns the bytes written. */
export async function generateMarcFile(path: string, count: number, seed = 42): Promise<number> {
  const random = seededRandom(seed);
  const out = createWriteStream(path);
  let bytes = 0;
  for (let n = 1; n <= count; n++) {
    const record = syntheticRecord(n, random);
    bytes += record.length;
    if (!out.write(record)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return bytes;
}
