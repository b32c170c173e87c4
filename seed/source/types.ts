import type { MediaType } from '../../src/model/record.js';

/**
 * One hand-written work in the demo catalogue. Short keys keep the source
 * files compact; build-demo.ts expands them into CatalogueRecords and
 * derives ids, ISBNs, holdings and shelfmarks.
 */
export interface SourceWork {
  /** Title proper. */
  t: string;
  /** Subtitle (remainder of title). */
  st?: string;
  /** Authors, directors or artists in "Surname, Forename" form; empty when there is genuinely none. */
  a: string[];
  /** Year of this edition. */
  y: number;
  /** Publisher or label. */
  p: string;
  /**
   * Shelf class: "F", "JF", "JPB", "YA", a Dewey number, "PG COM" for a DVD
   * (certificate and genre), "ROCK" for a CD. The build adds the media prefix
   * and a three-letter author mark.
   */
  c: string;
  /** LCSH-style subjects. */
  s: string[];
  /** Genre/form terms. */
  g?: string[];
  /** One or two sentences of our own. */
  sum: string;
  /** Series statements, with numbering ("Discworld ; 1"). */
  ser?: string[];
  /** Publisher's series ("Penguin classics"): belongs to one edition, so other editions do not inherit it. */
  ps?: string[];
  /** ISO 639-2/B codes; defaults to the file's language. */
  l?: string[];
  /** Media type; defaults to the file's. */
  m?: MediaType;
  ed?: string;
  ext?: string;
  n?: string[];
  /** Original-script title and author (MARC 880). */
  alt?: string[];
  /** Copies to hold; the build picks 1-3 when absent. */
  h?: number;
  /** Held as a licensed online item (eBook, eAudiobook) at the Online Library. */
  online?: boolean;
  /** Further editions or formats of the same work, sharing everything not overridden. */
  x?: Array<Partial<Omit<SourceWork, 'x'>>>;
}

/** One source module: a block of ids and the works in it. */
export interface SourceFile {
  /** First id number of the block; ids stay stable when other files grow. */
  base: number;
  media: MediaType;
  language: string;
  works: SourceWork[];
}
