import { iso6392 } from 'iso-639-2';

/**
 * Names for MARC language codes. The MARC Code List for Languages is the
 * ISO 639-2/B list (the Library of Congress maintains both), so names come
 * from the `iso-639-2` package, a maintained copy of that list, with two
 * additions: the codes MARC discontinued but old records still carry, and
 * the everyday names a UK public library shows for common languages.
 */
const ISO_NAMES = new Map(iso6392.map((l) => [l.iso6392B, l.name.split(';')[0]!.trim()]));

/**
 * Discontinued MARC codes and their languages, from the MARC Code List for
 * Languages ("obsolete codes"), written out by hand: the list itself cannot
 * be fetched from here, and no package ships it.
 */
const DISCONTINUED_MARC: Record<string, string> = {
  ajm: 'Aljamía', cam: 'Khmer', esk: 'Eskimo languages', esp: 'Esperanto', eth: 'Ethiopic', far: 'Faroese',
  fri: 'Frisian', gae: 'Scottish Gaelic', gag: 'Galician', gua: 'Guarani', int: 'Interlingua', iri: 'Irish',
  kus: 'Kusaie', lan: 'Occitan (post 1500)', lap: 'Sami', max: 'Manx', mla: 'Malagasy', mol: 'Moldavian',
  sao: 'Samoan', scc: 'Serbian', scr: 'Croatian', sho: 'Shona', snh: 'Sinhalese', sso: 'Sotho', swz: 'Swazi',
  tag: 'Tagalog', taj: 'Tajik', tar: 'Tatar', tsw: 'Tswana',
};

/** Everyday names where the standard's first name is not what members would look for. */
const EVERYDAY: Record<string, string> = {
  gla: 'Scottish Gaelic', gre: 'Greek', pan: 'Punjabi', ton: 'Tongan', mul: 'Multiple languages', zxx: 'No linguistic content',
};

/** The name of a MARC / ISO 639-2/B code ("mao" is "Maori"); the code itself when unknown. */
export function languageName(code: string): string {
  return EVERYDAY[code] ?? ISO_NAMES.get(code) ?? DISCONTINUED_MARC[code] ?? code;
}
