import type { CatalogueRecord, Holding, HoldingStatus } from '../../src/model/record.js';

/** One copy at a branch. */
export function copy(branch: string, status: HoldingStatus, itemId = `${branch}-${status}`): Holding {
  return { itemId, branch, shelfmark: 'F', status };
}

/** A minimal valid record; tests spell out only what they are about. */
export function makeRecord(overrides: Partial<CatalogueRecord> & Pick<CatalogueRecord, 'id'>): CatalogueRecord {
  return {
    title: `Untitled ${overrides.id}`,
    authors: [],
    mediaType: 'book',
    languages: ['eng'],
    isbns: [],
    series: [],
    subjects: [],
    genres: [],
    notes: [],
    holdings: [],
    ...overrides,
  };
}

/** A small mixed catalogue: several media types and languages, one record without a year. */
export const emma = makeRecord({
  id: 'rec-emma', title: 'Emma', authors: ['Austen, Jane'], statement: 'by Jane Austen', year: 1815,
  isbns: ['9780141439587'], series: ['Penguin Classics'], subjects: ['Courtship', 'Country life'],
  genres: ['Domestic fiction'], publisher: 'Penguin', summary: 'Emma Woodhouse, handsome, clever and rich, meddles in matchmaking.',
  holdings: [copy('Central', 'available'), copy('Northside', 'on-loan')],
});
export const emmaAudio = makeRecord({
  id: 'rec-emma-audio', title: 'Emma', subtitle: 'unabridged', authors: ['Austen, Jane', 'Stevenson, Juliet'],
  mediaType: 'audiobook', year: 2007, subjects: ['Courtship'], genres: ['Audiobooks'],
  holdings: [copy('Northside', 'available')],
});
export const janeEyre = makeRecord({
  id: 'rec-jane-eyre', title: 'Jane Eyre', subtitle: 'an autobiography', authors: ['Brontë, Charlotte'], year: 1847,
  isbns: ['9780141441146'], series: ['Penguin Classics'], subjects: ['Governesses'], genres: ['Domestic fiction'],
  holdings: [copy('Central', 'on-loan')],
});
export const miserables = makeRecord({
  id: 'rec-miserables', title: 'Les Misérables', authors: ['Hugo, Victor'], languages: ['fre'], year: 1862,
  subjects: ['Paris (France)'], notes: ['Texte intégral.'], holdings: [copy('Eastgate', 'available')],
});
export const verwandlung = makeRecord({
  id: 'rec-verwandlung', title: 'Die Verwandlung', authors: ['Kafka, Franz'], languages: ['ger'], year: 1915,
  isbns: ['9781861900043'], subjects: ['Metamorphosis'], holdings: [copy('Central', 'reference')],
});
export const prideDvd = makeRecord({
  id: 'rec-pride-dvd', title: 'Pride & Prejudice', authors: ['Wright, Joe'], mediaType: 'dvd', languages: ['eng', 'fre'],
  year: 2005, subjects: ['Courtship'], notes: ['Film adaptation of the novel by Jane Austen.'],
  holdings: [copy('Central', 'available'), copy('Eastgate', 'available')],
});
export const warAndPeace = makeRecord({
  id: 'rec-war-peace', title: 'The War and Peace Reader', authors: ['Tolstoy, Leo'], year: 2005,
  altScript: ['Война и мир'], series: ['Russian Library'], holdings: [copy('Eastgate', 'missing')],
});
export const parishMap = makeRecord({
  id: 'rec-parish-map', title: 'A Map of the Parish', mediaType: 'other', languages: [],
  summary: 'Hand-drawn map of local footpaths, undated.',
});

/** Every fixture above, in a fixed order. */
export const catalogue: CatalogueRecord[] = [emma, emmaAudio, janeEyre, miserables, verwandlung, prideDvd, warAndPeace, parishMap];
