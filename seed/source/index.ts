import { children } from './children.js';
import { dvds } from './dvds.js';
import { eMedia } from './e-media.js';
import { fictionClassics } from './fiction-classics.js';
import { fictionCrime } from './fiction-crime.js';
import { fictionModern } from './fiction-modern.js';
import { chinese, urduPunjabi } from './languages-asian.js';
import { french, german } from './languages-fre-ger.js';
import { italian, spanish } from './languages-spa-ita.js';
import { polish, welsh } from './languages-wel-pol.js';
import { largePrint } from './large-print.js';
import { musicCds } from './music-cds.js';
import { nonFiction } from './non-fiction.js';
import type { SourceFile } from './types.js';
import { youngAdult } from './young-adult.js';

/** Every source module, in build order; each owns a block of ids starting at its `base`. */
export const SOURCE_FILES: SourceFile[] = [
  fictionClassics, fictionCrime, fictionModern, children, youngAdult, nonFiction,
  largePrint, eMedia, dvds, musicCds,
  french, german, spanish, italian, welsh, polish, urduPunjabi, chinese,
];
