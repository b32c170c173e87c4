import type { Reader } from './types.js';
import type { ImportFormat } from '../storage/import-run-store.js';

/**
 * The reader for each format, loaded when a file of that format is first
 * read: a MARC21 import's reading thread then never loads the JSON readers'
 * schema library (zod), which took about 180 ms of the thread's start under
 * tsx, before its first record.
 */
const LOADERS: Record<ImportFormat, () => Promise<Reader>> = {
  marc21: async () => (await import('./marc/marc21-reader.js')).readMarc21,
  marcxml: async () => (await import('./marc/marcxml-reader.js')).readMarcxml,
  csv: async () => (await import('./csv/csv-reader.js')).readCsv,
  json: async () => (await import('./json/json-reader.js')).readJsonArray,
  ndjson: async () => (await import('./json/ndjson-reader.js')).readNdjson,
};

/** The reader of a format. */
export function loadReader(format: ImportFormat): Promise<Reader> {
  return LOADERS[format]();
}

/** How each format is named to a librarian. */
export const FORMAT_LABELS: Record<ImportFormat, string> = {
  marc21: 'MARC21',
  marcxml: 'MARCXML',
  csv: 'CSV',
  json: 'JSON',
  ndjson: 'NDJSON',
};
