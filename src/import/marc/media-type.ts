import type { MediaType } from '../../model/record.js';
import { controlField, dataFields, subfields, type MarcRecord } from './marc-record.js';

/**
 * Media type from leader/06 (type of record), 007 (physical form), 008 form
 * of item, 300 and 336-338 (RDA content/media/carrier), in that order of trust.
 */
export function mediaTypeOf(record: MarcRecord): MediaType {
  const type = record.leader[6] ?? ' ';
  const phys = controlField(record, '007') ?? '';
  const carrier = rdaTerms(record, '337', '338');
  const described = `${carrier} ${rdaTerms(record, '300', '250', '538', '655')}`;
  if (type === 'a' || type === 't') {
    if (isOnline(record, phys, carrier)) return 'ebook';
    if (formOfItem(record) === 'd' || /large print|large type/.test(described)) return 'large-print';
    return 'book';
  }
  if (type === 'i') return 'audiobook';
  if (type === 'j') {
    // A musical sound recording is a CD unless 007 says it is another carrier (tape, vinyl at 33 rpm).
    if (phys[0] === 's' && phys[1] !== 'd') return 'other';
    if (phys[0] === 's' && phys[3] && phys[3] !== 'f' && phys[3] !== 'n' && phys[3] !== 'u' && phys[3] !== '|') return 'other';
    return 'music-cd';
  }
  if (type === 'g') {
    if ((phys[0] === 'v' && phys[4] === 'v') || /videodisc|dvd|blu-ray/.test(described)) return 'dvd';
    return 'other';
  }
  return 'other';
}

function isOnline(record: MarcRecord, phys: string, carrier: string): boolean {
  const form = formOfItem(record);
  return form === 'o' || form === 's' || form === 'q' || phys[0] === 'c' || /online resource|computer/.test(carrier);
}

/** 008/23 for books, music and mixed materials: 'd' large print, 'o'/'s'/'q' electronic. */
function formOfItem(record: MarcRecord): string | undefined {
  return controlField(record, '008')?.[23];
}

function rdaTerms(record: MarcRecord, ...tags: string[]): string {
  const terms: string[] = [];
  for (const field of dataFields(record, ...tags)) terms.push(...subfields(field, 'abc'));
  return terms.join(' ').toLowerCase();
}
