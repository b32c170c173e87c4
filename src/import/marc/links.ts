import type { OnlineLink } from '../../model/record.js';
import { dataFields, subfield, subfields, type MarcRecord } from './marc-record.js';

/**
 * Links from 856 $u that a browser can open safely (http, https), with the
 * link text the record gives ($y, else $3 materials, else $z note). Other
 * schemes (ftp, file, javascript, mailto) and addresses that are not URLs
 * are left out with a warning naming them.
 */
export function linksOf(record: MarcRecord, warnings: string[]): OnlineLink[] {
  const links: OnlineLink[] = [];
  for (const field of dataFields(record, '856')) {
    const label = (subfield(field, 'y') ?? subfield(field, '3') ?? subfield(field, 'z'))?.trim();
    for (const raw of subfields(field, 'u')) {
      const url = parseUrl(raw.trim());
      if (!url) {
        warnings.push(`856 $u "${raw}" is not a web address and was left out`);
        continue;
      }
      if (url.protocol !== 'http:' && url.protocol !== 'https:') {
        warnings.push(`856 $u "${raw}" is not an http or https link (it starts "${url.protocol}") and was left out`);
        continue;
      }
      if (!links.some((l) => l.url === url.href)) links.push({ url: url.href, ...(label ? { label } : {}) });
    }
  }
  return links;
}

function parseUrl(text: string): URL | undefined {
  try {
    return new URL(text);
  } catch {
    return undefined;
  }
}
