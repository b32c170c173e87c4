/**
 * The judged set (issue 17): what members type into the demo catalogue, each
 * with the records a member means (any edition of the work counts). Written
 * before the search changes it measures, so it is not tuned to them.
 */
export interface JudgedQuery {
  q: string;
  kind: 'misspelling' | 'word form' | 'format word' | 'isbn' | 'author or title' | 'many editions' | 'operator';
  /** Record ids any of which is the right answer. */
  want: string[];
}

const range = (prefix: string, from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => `${prefix}${String(from + i).padStart(3, '0')}`);

const EMMA = [...range('SM001', 1, 7), 'SM008003', 'SM008004'];
const PRIDE = [...range('SM001', 8, 15), 'SM008001', 'SM008002'];
const JANE_EYRE = [...range('SM001', 23, 28), 'SM008005'];
const WUTHERING = [...range('SM001', 31, 35), 'SM008006'];
const HOBBIT = range('SM001', 82, 86);
const TOLKIEN = range('SM001', 82, 90);
const AUSTEN = range('SM001', 1, 22);
const PHILOSOPHERS_STONE = [...range('SM004', 24, 28), 'SM008013'];
const HARRY_POTTER = [...range('SM004', 24, 31), 'SM008013'];
const COOKERY = range('SM006', 1, 12);
const GARDENING = ['SM006014', 'SM006015', 'SM006016', 'SM006017', 'SM006018', 'SM006019'];

export const JUDGED_QUERIES: JudgedQuery[] = [
  // Misspellings: the member means the work or author spelt right.
  { q: 'tolkein', kind: 'misspelling', want: TOLKIEN },
  { q: 'jane austin', kind: 'misspelling', want: AUSTEN },
  { q: 'shakespear', kind: 'misspelling', want: ['SM003033', 'SM003034'] },
  { q: 'wuthering hieghts', kind: 'misspelling', want: WUTHERING },
  { q: 'pride and prejudise', kind: 'misspelling', want: PRIDE },
  { q: 'harry poter', kind: 'misspelling', want: HARRY_POTTER },
  { q: 'agatha christy', kind: 'misspelling', want: range('SM002', 1, 11) },
  { q: 'dickins great expectations', kind: 'misspelling', want: range('SM001', 38, 40) },
  { q: 'middlemarsh', kind: 'misspelling', want: ['SM001058', 'SM001059'] },
  { q: 'frankenstien', kind: 'misspelling', want: ['SM001067'] },
  { q: 'brideshead revisted', kind: 'misspelling', want: ['SM001077'] },
  { q: 'george orwel', kind: 'misspelling', want: range('SM001', 73, 76) },
  { q: 'mary bery baking', kind: 'misspelling', want: ['SM006005', 'SM006006'] },
  { q: 'pratchet discworld', kind: 'misspelling', want: range('SM003', 16, 25) },
  // Word forms: the member's form differs from the record's.
  { q: 'hobbits', kind: 'word form', want: HOBBIT },
  { q: 'gardening', kind: 'word form', want: GARDENING },
  { q: 'gardens', kind: 'word form', want: ['SM006018', 'SM006019'] },
  { q: 'gardener', kind: 'word form', want: ['SM006014', 'SM006016'] },
  { q: 'cook', kind: 'word form', want: COOKERY },
  { q: 'cooking', kind: 'word form', want: COOKERY },
  { q: 'witch dahl', kind: 'word form', want: ['SM004020'] },
  { q: 'kitchen diary', kind: 'word form', want: ['SM006009'] },
  { q: 'guard pratchett', kind: 'word form', want: ['SM003020', 'SM003021'] },
  { q: 'chamber of secret', kind: 'word form', want: ['SM004029'] },
  { q: 'handmaids tale', kind: 'word form', want: ['SM003029', 'SM003030'] },
  { q: 'holst planet', kind: 'word form', want: ['SM008527'] },
  // Format words: the member names the medium.
  { q: 'emma dvd', kind: 'format word', want: ['SM008003', 'SM008004'] },
  { q: 'pride and prejudice dvd', kind: 'format word', want: ['SM008001', 'SM008002'] },
  { q: 'hobbit audiobook', kind: 'format word', want: ['SM001086'] },
  { q: 'jane eyre large print', kind: 'format word', want: ['SM001026'] },
  { q: 'wolf hall dvd', kind: 'format word', want: ['SM008007'] },
  { q: 'harry potter ebook', kind: 'format word', want: ['SM004026'] },
  { q: 'emma e-book', kind: 'format word', want: ['SM001005'] },
  { q: 'beatles cd', kind: 'format word', want: ['SM008501', 'SM008502'] },
  { q: 'rebecca audiobook', kind: 'format word', want: ['SM001080'] },
  { q: 'dvd paddington', kind: 'format word', want: ['SM008008', 'SM008009'] },
  { q: 'middlemarch audio book', kind: 'format word', want: ['SM001059'] },
  { q: 'wuthering heights ebook', kind: 'format word', want: ['SM001034'] },
  // ISBNs in every form.
  { q: '9781086730876', kind: 'isbn', want: ['SM001082'] },
  { q: '978-1-08-673087-6', kind: 'isbn', want: ['SM001082'] },
  { q: '978 1086 730876', kind: 'isbn', want: ['SM001082'] },
  { q: '1086730879', kind: 'isbn', want: ['SM001082'] },
  { q: '1-086-73087-9', kind: 'isbn', want: ['SM001082'] },
  { q: '9798086968444', kind: 'isbn', want: ['SM001085'] },
  { q: 'isbn:9781159506483', kind: 'isbn', want: ['SM002001'] },
  { q: '979-8-08-063324-9', kind: 'isbn', want: ['SM001005'] },
  { q: '978 1 2386 9648 7', kind: 'isbn', want: ['SM003001'] },
  { q: '108055405x', kind: 'isbn', want: ['SM001004'] },
  { q: '1 08641411 X', kind: 'isbn', want: ['SM001078'] },
  // Author and title searches.
  { q: 'austen emma', kind: 'author or title', want: range('SM001', 1, 7) },
  { q: 'author:rowling', kind: 'author or title', want: HARRY_POTTER },
  { q: 'title:matilda', kind: 'author or title', want: range('SM004', 14, 16) },
  { q: 'ian rankin', kind: 'author or title', want: range('SM002', 12, 17) },
  { q: 'le carre', kind: 'author or title', want: ['SM002043'] },
  { q: 'the remains of the day', kind: 'author or title', want: ['SM003008', 'SM003009'] },
  { q: 'never let me go', kind: 'author or title', want: ['SM003010'] },
  { q: 'zadie smith', kind: 'author or title', want: range('SM003', 13, 15) },
  { q: 'cien anos de soledad', kind: 'author or title', want: ['SM009201', 'SM009202'] },
  { q: 'monty don', kind: 'author or title', want: ['SM006014', 'SM006015'] },
  { q: 'simenon maigret', kind: 'author or title', want: ['SM009013'] },
  { q: 'hunger games', kind: 'author or title', want: ['SM005003'] },
  { q: 'sapiens harari', kind: 'author or title', want: ['SM006027', 'SM006028'] },
  { q: 'kafka verwandlung', kind: 'author or title', want: ['SM009104'] },
  // Works with many editions.
  { q: 'emma', kind: 'many editions', want: EMMA },
  { q: 'pride and prejudice', kind: 'many editions', want: PRIDE },
  { q: 'jane eyre', kind: 'many editions', want: JANE_EYRE },
  { q: 'the hobbit', kind: 'many editions', want: HOBBIT },
  { q: "harry potter philosopher's stone", kind: 'many editions', want: PHILOSOPHERS_STONE },
  { q: 'wuthering heights', kind: 'many editions', want: WUTHERING },
  { q: 'murder on the orient express', kind: 'many editions', want: range('SM002', 4, 6) },
  { q: 'a christmas carol', kind: 'many editions', want: ['SM001043', 'SM001044'] },
  { q: 'the thursday murder club', kind: 'many editions', want: range('SM002', 26, 29) },
  // Operators.
  { q: 'austen -emma', kind: 'operator', want: range('SM001', 8, 22) },
  { q: 'christie NOT marple', kind: 'operator', want: [...range('SM002', 1, 7), 'SM002011'] },
  { q: 'gruffalo OR zog', kind: 'operator', want: ['SM004001', 'SM004002', 'SM004005'] },
];
