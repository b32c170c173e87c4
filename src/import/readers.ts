import { readCsv } from './csv/csv-reader.js';
import { readJsonArray } from './json/json-reader.js';
import { readNdjson } from './json/ndjson-reader.js';
import { readMarc21 } from './marc/marc21-reader.js';
import { readMarcxml } from './marc/marcxml-reader.js';
import type { Reader } from './types.js';
import type { ImportFormat } from '../storage/import-run-store.js';

/** The reader for each format. */
export const READERS: Record<ImportFormat, Reader> = {
  marc21: readMarc21,
  marcxml: readMarcxml,
  csv: readCsv,
  json: readJsonArray,
  ndjson: readNdjson,
};

/** How each format is named to a librarian. */
export const FORMAT_LABELS: Record<ImportFormat, string> = {
  marc21: 'MARC21',
  marcxml: 'MARCXML',
  csv: 'CSV',
  json: 'JSON',
  ndjson: 'NDJSON',
};
