/** Shelfmark fields a CSV column can fill, with the header names accepted for each (case, spaces, "_" and "-" ignored). */
export const CSV_COLUMNS = {
  id: ['id', 'recordid', 'controlnumber', '001'],
  title: ['title'],
  subtitle: ['subtitle'],
  uniformTitle: ['uniformtitle', 'worktitle', '240', '130'],
  statement: ['statement', 'responsibility', 'statementofresponsibility'],
  authors: ['author', 'authors', 'creator', 'creators'],
  mediaType: ['mediatype', 'media', 'format', 'type'],
  languages: ['language', 'languages', 'lang'],
  year: ['year', 'date', 'publicationyear', 'pubyear'],
  publisher: ['publisher'],
  edition: ['edition'],
  extent: ['extent', 'pages', 'physicaldescription'],
  isbns: ['isbn', 'isbns', 'isbn13', 'isbn10'],
  series: ['series'],
  subjects: ['subject', 'subjects'],
  genres: ['genre', 'genres'],
  notes: ['note', 'notes'],
  summary: ['summary', 'abstract', 'description'],
  branch: ['branch', 'library', 'location'],
  shelfmark: ['shelfmark', 'callnumber', 'classmark'],
  status: ['status', 'availability'],
  itemId: ['itemid', 'barcode', 'item'],
  dueDate: ['duedate', 'due'],
} as const;

export type CsvField = keyof typeof CSV_COLUMNS;

/** Which column index feeds each field; unknown headers are listed so the summary can name them. */
export function mapHeader(header: string[]): { columns: Partial<Record<CsvField, number>>; unknown: string[] } {
  const columns: Partial<Record<CsvField, number>> = {};
  const unknown: string[] = [];
  header.forEach((name, index) => {
    const key = name.toLowerCase().replace(/[\s_-]/g, '');
    const field = (Object.keys(CSV_COLUMNS) as CsvField[]).find((f) => (CSV_COLUMNS[f] as readonly string[]).includes(key));
    if (field && columns[field] === undefined) columns[field] = index;
    else if (name.trim()) unknown.push(name);
  });
  return { columns, unknown };
}

/** Several values in one cell are separated by ";" or "|" (commas belong to names like "Austen, Jane"). */
export function splitCell(value: string | undefined): string[] {
  return (value ?? '').split(/[;|]/).map((v) => v.trim()).filter(Boolean);
}
