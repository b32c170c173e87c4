import { pseudoWords } from './random.js';
import { mulberry32 as seededRandom } from '../seed/lib/prng.js';

/** The commonest words of English titles and blurbs: the top Zipf ranks, never searched alone. */
export const STOPWORDS = 'the of and a in to with for on at from by an as his her their is was who'.split(' ');

/** Real-looking words at the head of the vocabulary, so pages and queries read like a catalogue's. */
const COMMON = ('love war house garden night city river life story secret winter summer girl boy family death ' +
  'world time journey island king queen shadow light dark stone sea home road children murder history music ' +
  'letters daughter mother father friend heart fire water moon sun star lost last first little great english ' +
  'london scotland france café naïve brontë élan').split(' ');

export const VOCABULARY_SIZE = 30_000;
const SURNAME_COUNT = 4_000;

/** The catalogue's words, by frequency rank: stopwords, then common words, then pseudo-words. */
export function vocabulary(seed: number): string[] {
  const head = [...STOPWORDS, ...COMMON];
  return [...head, ...pseudoWords(VOCABULARY_SIZE - head.length, seededRandom(seed + 1), new Set(head))];
}

const FORENAMES = ('Jane Charlotte Charles George Thomas Virginia Ian Agatha Hilary Kazuo Zadie Chidi Anna Piotr ' +
  'Lucía Jürgen Ingrid Amélie Marco Yuki Sarah James Emma Oliver Priya Mohammed Fatima Siobhán Eilidh Rhys ' +
  'Aoife Tomasz Zofia Hamid Leila Kwame Ama Wei Mei Hiroshi Noor Olu Grace Ruth Peter Paul Mary Helen David').split(' ');

/** "Surname, Forename" authors, by popularity rank; a few surnames carry diacritics. */
export function authorNames(count: number, seed: number): string[] {
  const random = seededRandom(seed + 2);
  const surnames = pseudoWords(SURNAME_COUNT, random).map((w, i) => {
    const cap = w[0]!.toUpperCase() + w.slice(1);
    return i % 17 === 0 ? cap.replace('e', 'ë').replace('o', 'ø') : cap;
  });
  const names = new Set<string>();
  while (names.size < count) {
    names.add(`${surnames[Math.floor(random() * surnames.length)]}, ${FORENAMES[Math.floor(random() * FORENAMES.length)]}`);
  }
  return [...names];
}

const TOPICS = ('Detective and mystery stories|Families|World War, 1939-1945|Gardening|Cookery|Love stories|' +
  'Historical fiction|Science fiction|Poetry|Railways|Friendship|Dogs|Cats|Witches|Ghost stories|Football|' +
  'Local history|Natural history|Birds|Climate change|Mental health|Parenting|Travel|Art|Architecture|' +
  'Music|Kings and rulers|Women|Immigrants|Schools|Space flight|Dinosaurs|Fairy tales|Horror tales|Humorous stories|' +
  'Social classes|Spies|Sea stories|Country life|Diaries').split('|');
const PLACES = ['', 'England', 'Scotland', 'Wales', 'Ireland', 'London (England)', 'France', 'Yorkshire (England)', 'India', 'Nigeria'];

/** Subject headings with geographic subdivisions, in the "Topic -- Place" form the MARC import produces. */
export function subjectHeadings(): string[] {
  return TOPICS.flatMap((topic) => PLACES.map((place) => (place ? `${topic} -- ${place}` : topic)));
}

export const GENRES = ['Fiction', 'Detective fiction', 'Historical fiction', 'Picture books', 'Biographies',
  'Thrillers (Fiction)', 'Short stories', 'Graphic novels', 'Cookbooks', 'Guidebooks', 'Feature films', 'Rock music'];

/** Branches by size: the central library holds most copies. */
export const BRANCHES = ['Central Library', 'Northgate', 'Riverside', 'Eastfield', 'Westbrook', 'Hillside', 'Market Square',
  'Oakham Green', 'St Anne’s', 'Harbourside', 'Mobile Library', 'Schools Library Service'];
