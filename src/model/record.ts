/** Media types a record can have; the keys are stored, the labels are shown. */
export const MEDIA_TYPES = {
  book: 'Book',
  'large-print': 'Large print',
  ebook: 'E-book',
  audiobook: 'Audiobook',
  dvd: 'DVD',
  'music-cd': 'Music CD',
  other: 'Other',
} as const;

export type MediaType = keyof typeof MEDIA_TYPES;

/** Language codes that name no language (undetermined, multiple, no linguistic content): never a language filter. */
export const NOT_LANGUAGES: ReadonlySet<string> = new Set(['und', 'mul', 'zxx']);

/** Where a copy is and whether a member can have it now. */
export type HoldingStatus = 'available' | 'on-loan' | 'reference' | 'in-transit' | 'missing';

/** Copy statuses as a member reads them, on the record page, a printed list or in an email. */
export const STATUS_LABELS: Record<HoldingStatus, string> = {
  available: 'Available',
  'on-loan': 'On loan',
  reference: 'Reference only',
  'in-transit': 'In transit',
  missing: 'Missing',
};

/** One physical (or licensed) copy held at a branch. */
export interface Holding {
  /** Stable per copy (a barcode where the library system gives one). */
  itemId: string;
  branch: string;
  shelfmark: string;
  status: HoldingStatus;
  /** ISO date, only when on loan. */
  dueDate?: string;
  /** The location as the file gave it, kept when it is not in the branch registry (branch is then "Other locations"). */
  location?: string;
}

/** A link to the resource online (MARC 856 with http or https). */
export interface OnlineLink {
  url: string;
  /** The link text the record gives (856 $y, else $3 or $z), if any. */
  label?: string;
}

/**
 * Shelfmark's own record shape: what every importer produces, what the
 * JSON/NDJSON import reads, and what the store keeps.
 */
export interface CatalogueRecord {
  /** Unique and stable across imports (MARC 001 with 003, or 035). */
  id: string;
  title: string;
  subtitle?: string;
  /**
   * The uniform title (MARC 130 or 240 $a $n $p): the name every edition,
   * translation and version of one work is filed under ("Hobbit" for
   * "Bilbo le hobbit"). Editions are grouped as one work by it where present.
   */
  uniformTitle?: string;
  /** Statement of responsibility, as printed (245 $c). */
  statement?: string;
  /** Main author first, then added authors; "Surname, Forename" form. */
  authors: string[];
  mediaType: MediaType;
  /** ISO 639-2/B codes, main language first ("eng", "fre", "ger"). */
  languages: string[];
  year?: number;
  publisher?: string;
  edition?: string;
  extent?: string;
  /** Normalised to ISBN-13, digits only. */
  isbns: string[];
  series: string[];
  subjects: string[];
  genres: string[];
  notes: string[];
  summary?: string;
  holdings: Holding[];
  /** Text from 880 alternate-script fields, kept searchable. */
  altScript?: string[];
  /** Where to read or borrow it online. */
  links?: OnlineLink[];
}

/** True when at least one copy can be borrowed now. */
export function isAvailable(record: Pick<CatalogueRecord, 'holdings'>): boolean {
  return record.holdings.some((h) => h.status === 'available');
}

/** The path of a record's page: the one place its URL is written. */
export function recordPath(id: string): string {
  return `/record/${encodeURIComponent(id)}`;
}

/** "Jane Austen: a life": the title with its subtitle, where the title alone could name another book. */
export function fullTitle(record: Pick<CatalogueRecord, 'title' | 'subtitle'>): string {
  return record.subtitle ? `${record.title}: ${record.subtitle}` : record.title;
}
