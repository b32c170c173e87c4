import { fullTitle, recordPath, type CatalogueRecord, type MediaType } from '../../model/record.js';
import { mediaTypeLabel } from '../../catalogue/labels.js';

type CslName = { family: string; given?: string } | { literal: string };

/** A CSL-JSON item: the shape citation-js reads, and what Zotero and Mendeley use internally. */
export interface CslItem {
  id: string;
  'citation-key'?: string;
  type: string;
  title: string;
  /** The record's permalink on this site. */
  URL?: string;
  author?: CslName[];
  /** RIS writes a film's AU from `director`, not `author`. */
  director?: CslName[];
  issued?: { 'date-parts': number[][] };
  publisher?: string;
  edition?: string;
  ISBN?: string;
  'collection-title'?: string;
  language?: string;
  medium?: string;
  genre?: string;
  abstract?: string;
  note?: string;
  'number-of-pages'?: string;
  'call-number'?: string;
}

/**
 * CSL types follow Zotero's own mapping of item types: an audio recording is
 * "song" and a video recording "motion_picture"; printed and electronic books
 * stay "book", with the medium saying which.
 */
const CSL_TYPES: Record<MediaType, string> = {
  book: 'book', 'large-print': 'book', ebook: 'book',
  audiobook: 'song', 'music-cd': 'song', dvd: 'motion_picture', other: 'document',
};

/** "Surname, Forename" splits at the first comma; a name without one (a body, a single name) stays whole. */
export function cslName(name: string): CslName {
  const comma = name.indexOf(',');
  if (comma < 0) return { literal: name };
  const given = name.slice(comma + 1).trim();
  return given ? { family: name.slice(0, comma).trim(), given } : { family: name.slice(0, comma).trim() };
}

/** Line breaks end a field in RIS and are noise in BibTeX, so every value is one line without control characters. */
const oneLine = (text: string) => text.replace(/[\s\u0000-\u001F\u007F]+/g, ' ').trim();

/**
 * One catalogue record as a CSL item; `key` is the unique citation key chosen by the caller,
 * `origin` this site's address, so the item links back to its record page (RIS `UR`, BibTeX `url`).
 */
export function toCsl(record: CatalogueRecord, key: string, origin: string): CslItem {
  const item: CslItem = {
    id: record.id,
    'citation-key': key,
    type: CSL_TYPES[record.mediaType],
    title: oneLine(fullTitle(record)),
    URL: `${origin}${recordPath(record.id)}`,
  };
  if (record.authors.length) item.author = record.authors.map((a) => cslName(oneLine(a)));
  if (item.type === 'motion_picture' && item.author) item.director = item.author;
  if (record.year) item.issued = { 'date-parts': [[record.year]] };
  if (record.publisher) item.publisher = oneLine(record.publisher);
  if (record.edition) item.edition = oneLine(record.edition);
  if (record.isbns.length) item.ISBN = record.isbns.join(' ');
  if (record.series[0]) item['collection-title'] = oneLine(record.series[0]);
  if (record.languages[0]) item.language = record.languages[0];
  // RIS's "type of work" (M3) reads `medium` for films and `genre` for books and recordings.
  if (record.mediaType !== 'book' && record.mediaType !== 'other') item.medium = item.genre = mediaTypeLabel(record.mediaType);
  if (record.summary) item.abstract = oneLine(record.summary);
  if (record.notes.length) item.note = oneLine(record.notes.join(' '));
  const shelfmarks = [...new Set(record.holdings.map((h) => h.shelfmark).filter(Boolean))];
  if (shelfmarks.length) item['call-number'] = oneLine(shelfmarks.join('; '));
  return item;
}
