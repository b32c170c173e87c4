import type { MediaType } from '../../src/model/record.js';

/** Shelf labels for books not in English, as a county library's community-language shelves show them. */
const LANGUAGE_SHELVES: Record<string, string> = {
  fre: 'FRENCH', ger: 'GERMAN', spa: 'SPANISH', wel: 'CYMRAEG', pol: 'POLISH',
  urd: 'URDU', pan: 'PUNJABI', chi: 'CHINESE', ita: 'ITALIAN',
};

/** Three-letter mark from the main author's surname, or the title when there is no author. */
export function authorMark(authors: string[], title: string): string {
  const source = authors[0]?.split(',')[0] ?? title.replace(/^(The|A|An) /, '');
  const letters = source
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[łŁ]/g, 'L')
    .replace(/[^A-Za-z]/g, '')
    .toUpperCase();
  return (letters || 'XXX').slice(0, 3);
}

export interface ShelfInput {
  mediaType: MediaType;
  shelfClass: string;
  authors: string[];
  title: string;
  language: string;
  online: boolean;
}

/** Public-library style shelfmark: "F AUS", "823.7 AUS", "LP F BRO", "DVD PG COM", "CD ROCK BEA", "eBook". */
export function shelfmarkFor(input: ShelfInput): string {
  const mark = authorMark(input.authors, input.title);
  const classed = `${input.shelfClass} ${mark}`;
  const languageShelf = LANGUAGE_SHELVES[input.language];
  switch (input.mediaType) {
    case 'ebook':
      return 'eBook';
    case 'audiobook':
      return input.online ? 'eAudiobook' : `AB ${classed}`;
    case 'large-print':
      return `LP ${classed}`;
    case 'dvd':
      return `DVD ${input.shelfClass}`;
    case 'music-cd':
      return `CD ${classed}`;
    default:
      return languageShelf ? `${languageShelf} ${classed}` : classed;
  }
}
