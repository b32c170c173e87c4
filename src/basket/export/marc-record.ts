import type { CatalogueRecord } from '../../model/record.js';
import { controlNumberOf, fixedFieldOf, itemField, nonfilingOf, physicalOf, type MarcField } from './marc-fields.js';

const field = (tag: string, ind1: string, ind2: string, ...subfields: Array<[string, string]>): MarcField => ({ tag, ind1, ind2, subfields });
const each = (values: string[], make: (v: string) => MarcField) => values.filter(Boolean).map(make);

/** "Surname, Forename" is a personal name by surname (first indicator 1); a name without a comma is entered as it stands (0). */
const nameIndicator = (name: string) => (name.includes(',') ? '1' : '0');

/** A subject written "Topic -- Subdivision" goes back into $a and $x subfields. */
function subjectField(subject: string): MarcField {
  const [main = '', ...rest] = subject.split(' -- ');
  return field('650', ' ', '4', ['a', main], ...rest.map((r): [string, string] => ['x', r]));
}

/**
 * The MARC 21 bibliographic fields for one record, in tag order. Subject and
 * genre headings get second indicator 4 (source not specified), because the
 * record shape does not say which thesaurus they came from.
 */
export function marcFieldsOf(record: CatalogueRecord, entered: Date): MarcField[] {
  const [main, ...added] = record.authors;
  const title: Array<[string, string]> = [['a', record.title]];
  if (record.subtitle) title.push(['b', record.subtitle]);
  if (record.statement) title.push(['c', record.statement]);
  const publication: Array<[string, string]> = [];
  if (record.publisher) publication.push(['b', record.publisher]);
  if (record.year) publication.push(['c', String(record.year)]);
  return [
    ...controlNumberOf(record.id),
    ...physicalOf(record),
    { tag: '008', value: fixedFieldOf(record, entered) },
    ...each(record.isbns, (isbn) => field('020', ' ', ' ', ['a', isbn])),
    ...(record.languages.length > 1 ? [field('041', '0', ' ', ...record.languages.map((l): [string, string] => ['a', l]))] : []),
    ...(main ? [field('100', nameIndicator(main), ' ', ['a', main])] : []),
    // A uniform title sits in 240 under an author's name, in 130 when the record has no main author.
    ...(record.uniformTitle ? [(main ? field('240', '1', '0', ['a', record.uniformTitle]) : field('130', '0', ' ', ['a', record.uniformTitle]))] : []),
    field('245', main ? '1' : '0', nonfilingOf(record), ...title),
    ...(record.edition ? [field('250', ' ', ' ', ['a', record.edition])] : []),
    ...(publication.length ? [field('264', ' ', '1', ...publication)] : []),
    ...(record.extent ? [field('300', ' ', ' ', ['a', record.extent])] : []),
    ...each(record.series, (s) => field('490', '0', ' ', ['a', s])),
    ...each(record.notes, (n) => field('500', ' ', ' ', ['a', n])),
    ...(record.summary ? [field('520', ' ', ' ', ['a', record.summary])] : []),
    ...each(record.subjects, subjectField),
    ...each(record.genres, (g) => field('655', ' ', '4', ['a', g])),
    ...each(added, (name) => field('700', nameIndicator(name), ' ', ['a', name])),
    // Unlinked alternate-script text: "500-00" points at no particular field (MARC 21, 880 $6).
    ...each(record.altScript ?? [], (text) => field('880', ' ', ' ', ['6', '500-00'], ['a', text])),
    ...record.holdings.map(itemField),
  ];
}
