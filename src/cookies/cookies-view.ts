import { DECLARED_COOKIES, describeLifetime, type CookieCategory } from './cookie-registry.js';

/** One row of a table on the cookies page, in the words members read. */
export interface CookieRow {
  name: string;
  purpose: string;
  expiry: string;
  personalData: string;
}

/** The cookies page's tables, one per category, straight from the registry. */
export function cookieTables(): Array<{ category: CookieCategory; heading: string; rows: CookieRow[] }> {
  const rows = (category: CookieCategory) =>
    DECLARED_COOKIES.filter((c) => c.category === category).map((c) => ({
      name: c.name,
      purpose: c.purpose,
      expiry: describeLifetime(c.lifetime),
      personalData: c.personalData,
    }));
  return [
    { category: 'strictly-necessary', heading: 'Strictly necessary cookies', rows: rows('strictly-necessary') },
    { category: 'analytics', heading: 'Analytics cookies (optional)', rows: rows('analytics') },
  ];
}
