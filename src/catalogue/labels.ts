import { languageName } from './language-names.js';
import { MEDIA_TYPES, type MediaType } from '../model/record.js';
import type { FacetField } from '../model/search-query.js';

export const FACET_LABELS: Record<FacetField, string> = {
  mediaType: 'Media type',
  language: 'Language',
  decade: 'Decade',
  author: 'Author',
  subject: 'Subject',
  branch: 'Branch',
  available: 'Availability',
};

export { languageName };

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
