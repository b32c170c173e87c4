import { MEDIA_TYPES, type MediaType } from './record.js';
import type { FacetField } from './search-query.js';

export const FACET_LABELS: Record<FacetField, string> = {
  mediaType: 'Media type',
  language: 'Language',
  decade: 'Decade',
  author: 'Author',
  subject: 'Subject',
  branch: 'Branch',
  available: 'Availability',
};

/** Names for the ISO 639-2/B codes a UK public library is likely to hold. */
const LANGUAGES: Record<string, string> = {
  eng: 'English', fre: 'French', ger: 'German', spa: 'Spanish', ita: 'Italian', por: 'Portuguese',
  wel: 'Welsh', gla: 'Scottish Gaelic', gle: 'Irish', pol: 'Polish', rum: 'Romanian', lit: 'Lithuanian',
  lav: 'Latvian', rus: 'Russian', ukr: 'Ukrainian', bul: 'Bulgarian', cze: 'Czech', slo: 'Slovak',
  hun: 'Hungarian', gre: 'Greek', tur: 'Turkish', ara: 'Arabic', per: 'Persian', urd: 'Urdu',
  pan: 'Punjabi', ben: 'Bengali', guj: 'Gujarati', hin: 'Hindi', tam: 'Tamil', chi: 'Chinese',
  jpn: 'Japanese', kor: 'Korean', vie: 'Vietnamese', heb: 'Hebrew', dut: 'Dutch', dan: 'Danish',
  swe: 'Swedish', nor: 'Norwegian', fin: 'Finnish', ice: 'Icelandic', lat: 'Latin', som: 'Somali',
  und: 'Undetermined', mul: 'Multiple languages', zxx: 'No linguistic content',
};

export function languageName(code: string): string {
  return LANGUAGES[code] ?? code;
}

export function mediaTypeLabel(type: string): string {
  return MEDIA_TYPES[type as MediaType] ?? type;
}

/** How a facet value reads on the page ("1990" becomes "1990s"). */
export function facetValueLabel(field: FacetField, value: string): string {
  switch (field) {
    case 'mediaType': return mediaTypeLabel(value);
    case 'language': return languageName(value);
    case 'decade': return `${value}s`;
    case 'available': return value === 'yes' ? 'Available now' : 'Not available now';
    default: return value;
  }
}
