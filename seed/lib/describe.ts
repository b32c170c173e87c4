import type { MediaType } from '../../src/model/record.js';
import type { SourceWork } from '../source/types.js';
import type { Rng } from './prng.js';

/** "Austen, Jane" -> "Jane Austen"; Chinese names keep the surname first ("Yu Hua"); corporate names pass through. */
function directOrder(name: string, language: string, media: MediaType): string {
  const [surname, forename] = name.split(', ');
  if (!forename) return name;
  return language === 'chi' && media === 'book' ? `${surname} ${forename}` : `${forename} ${surname}`;
}

/** Statement of responsibility as a title page would print it (245 $c). */
export function statementFor(work: SourceWork, media: MediaType, language: string): string | undefined {
  if (work.a.length === 0) return undefined;
  const names = work.a.map((name) => directOrder(name, language, media));
  const joined = names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}` : names[0];
  return media === 'dvd' ? `directed by ${joined}` : joined;
}

/** The written extent, or a plausible default for the format (page counts come from the record's PRNG). */
export function extentFor(work: SourceWork, media: MediaType, online: boolean, rng: Rng): string {
  if (work.ext) return work.ext;
  if (online) return media === 'audiobook' ? '1 online resource (audio file)' : '1 online resource';
  if (work.c === 'JPB') return '32 unnumbered pages : colour illustrations';
  if (media === 'dvd') return '1 videodisc';
  if (media === 'music-cd') return '1 audio disc';
  const pages = rng.int(18, 52) * 8 + (work.c === 'JF' ? -96 : 0);
  return `${media === 'large-print' ? Math.round(pages * 1.6) : pages} pages`;
}
