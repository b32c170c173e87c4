import type { CatalogueRecord, Holding, HoldingStatus, MediaType } from '../src/model/record.js';
import { weighted, zipf } from './random.js';
import { authorNames, BRANCHES, GENRES, STOPWORDS, subjectHeadings, vocabulary, VOCABULARY_SIZE } from './vocabulary.js';
import { isbn13CheckDigit } from '../src/text/isbn.js';

const MEDIA: ReadonlyArray<readonly [MediaType, number]> = [
  ['book', 62], ['large-print', 6], ['ebook', 10], ['audiobook', 8], ['dvd', 8], ['music-cd', 6],
];
const LANGUAGES: ReadonlyArray<readonly [string, number]> = [
  ['eng', 86], ['fre', 3], ['ger', 2], ['spa', 2], ['pol', 2], ['ita', 1], ['urd', 1], ['pan', 1], ['chi', 1], ['ara', 1],
];
const STATUS: ReadonlyArray<readonly [HoldingStatus, number]> = [['available', 62], ['on-loan', 30], ['reference', 5], ['missing', 3]];

/** An ISBN-13 with a valid check digit, unique per record number. */
export function isbn13(n: number): string {
  const stem = `978${String(n % 1e9).padStart(9, '0')}`;
  return stem + isbn13CheckDigit(stem);
}

/** A deterministic source of catalogue records with Zipf-distributed words, authors and subjects. */
export function recordSource(count: number, seed: number, random: () => number) {
  const words = vocabulary(seed);
  const authors = authorNames(Math.max(200, Math.ceil(count / 8)), seed);
  const subjects = subjectHeadings();
  const word = zipf(VOCABULARY_SIZE, 1.0, random);
  const author = zipf(authors.length, 0.8, random);
  const subject = zipf(subjects.length, 1.0, random);
  const branch = zipf(BRANCHES.length, 1.0, random);
  const media = weighted(MEDIA, random);
  const language = weighted(LANGUAGES, random);
  const status = weighted(STATUS, random);
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const chance = (p: number) => random() < p;
  const text = (lo: number, hi: number) => Array.from({ length: int(lo, hi) }, () => words[word()]!).join(' ');
  const capital = (s: string) => s[0]!.toUpperCase() + s.slice(1);
  const series = Array.from({ length: Math.max(20, Math.ceil(count / 200)) }, () => capital(text(2, 3)));

  function holdings(n: number, type: MediaType, surname: string): Holding[] {
    const copies = type === 'ebook' ? 1 : int(1, 4);
    return Array.from({ length: copies }, (_, k) => {
      const h: Holding = {
        itemId: `3${String(n).padStart(9, '0')}${k}`,
        branch: type === 'ebook' ? 'Online' : BRANCHES[branch()]!,
        shelfmark: `F ${surname.slice(0, 3).toUpperCase()}`,
        status: type === 'ebook' ? 'available' : status(),
      };
      if (h.status === 'on-loan') h.dueDate = `2026-${String(int(1, 12)).padStart(2, '0')}-${String(int(1, 28)).padStart(2, '0')}`;
      return h;
    });
  }

  return {
    words,
    /** Record number n (1-based); call in order, since the generator is sequential. */
    next(n: number): CatalogueRecord {
      const type = media();
      const main = authors[author()]!;
      const names = chance(0.25) ? [main, authors[author()]!].filter((a, i, all) => all.indexOf(a) === i) : [main];
      const year = chance(0.05) ? int(1850, 1949) : 2025 - Math.floor(75 * random() ** 2);
      const langs = [language()];
      if (chance(0.03) && langs[0] !== 'eng') langs.push('eng');
      const record: CatalogueRecord = {
        id: `bm${n}`,
        title: capital(text(1, 6)),
        authors: names,
        mediaType: type,
        languages: langs,
        year,
        publisher: `${capital(words[STOPWORDS.length + int(0, 200)]!)} Press`,
        isbns: type === 'dvd' || type === 'music-cd' ? [] : [isbn13(n)],
        series: chance(0.15) ? [series[Math.floor(random() * series.length)]!] : [],
        subjects: [...new Set(Array.from({ length: int(1, 3) }, () => subjects[subject()]!))],
        genres: chance(0.4) ? [GENRES[int(0, GENRES.length - 1)]!] : [],
        notes: chance(0.2) ? [capital(text(5, 10))] : [],
        holdings: [],
      };
      if (chance(0.3)) record.subtitle = text(2, 5);
      record.statement = `by ${main.split(', ').reverse().join(' ')}`;
      if (chance(0.1)) record.edition = 'Second edition';
      record.extent = type === 'dvd' ? '1 videodisc (120 min)' : type === 'music-cd' ? '1 audio disc' : `${int(32, 640)} pages`;
      if (chance(0.8)) record.summary = capital(text(15, 40));
      record.holdings = holdings(n, type, main);
      return record;
    },
  };
}
