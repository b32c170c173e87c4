const DAY = 24 * 60 * 60;
const YEAR = 365 * DAY;

/** Why a cookie is set: the two categories of the UK cookie guidance. */
export type CookieCategory = 'strictly-necessary' | 'analytics';

/** One cookie the site may set, as declared on the cookies page. */
export interface CookieDeclaration {
  name: string;
  purpose: string;
  category: CookieCategory;
  /** "session" = deleted when the browser closes; otherwise seconds. */
  lifetime: 'session' | number;
  personalData: string;
  httpOnly: boolean;
  sameSite: 'lax' | 'strict';
}

/**
 * Every cookie Shelfmark sets. Behaviour (cookie options) and the cookies
 * page are both derived from this list, so they cannot drift apart.
 */
export const COOKIES = {
  cookieSupport: {
    name: 'COOKIE_SUPPORT',
    purpose: 'Tells the site whether your browser accepts cookies, so that we can tell you if the basket and login will not work.',
    category: 'strictly-necessary',
    lifetime: 'session',
    personalData: 'None',
    httpOnly: true,
    sameSite: 'lax',
  },
  session: {
    name: 'JSESSIONID',
    purpose: 'A random key for your visit. It lets the site remember your media basket and, when you log in, who you are. Everything else is kept on our server and deleted when your visit ends.',
    category: 'strictly-necessary',
    lifetime: 'session',
    personalData: 'None (a random key only)',
    httpOnly: true,
    sameSite: 'lax',
  },
  consent: {
    name: 'COOKIE_CONSENT',
    purpose: 'Remembers whether you accepted or rejected analytics cookies, so that we do not ask you again on every page.',
    category: 'strictly-necessary',
    lifetime: YEAR,
    personalData: 'None (only "accepted" or "rejected")',
    httpOnly: true,
    sameSite: 'lax',
  },
  visitor: {
    name: 'SHELFMARK_VISITOR',
    purpose: 'Only if you accept analytics cookies: a random visitor number, so that librarians can count how many people use the catalogue each day and how many come back. It is counted on our own server and never sent to anyone else.',
    category: 'analytics',
    lifetime: YEAR,
    personalData: 'A random visitor number. It is not linked to your name, library card, searches or basket.',
    httpOnly: true,
    sameSite: 'lax',
  },
} as const satisfies Record<string, CookieDeclaration>;

/** Every declared cookie, in the order the cookies page lists them. */
export const DECLARED_COOKIES: readonly CookieDeclaration[] = Object.values(COOKIES);

/** The declaration for a cookie name, or undefined when the site must not set it. */
export function declaredCookie(name: string): CookieDeclaration | undefined {
  return DECLARED_COOKIES.find((c) => c.name === name);
}

/** A lifetime in plain words, as the cookies page's "Expiry" column shows it. */
export function describeLifetime(lifetime: CookieDeclaration['lifetime']): string {
  if (lifetime === 'session') return 'When you close your browser';
  const days = lifetime / DAY;
  if (days % 365 === 0) return days === 365 ? '1 year' : `${days / 365} years`;
  return days === 1 ? '1 day' : `${days} days`;
}

/** Cookie options for a declared cookie; `secure` follows the request (see TRUST_PROXY). */
export function cookieOptions(cookie: CookieDeclaration, secure: boolean) {
  return {
    httpOnly: cookie.httpOnly,
    sameSite: cookie.sameSite,
    secure,
    signed: false,
    overwrite: true,
    ...(cookie.lifetime === 'session' ? {} : { maxAge: cookie.lifetime * 1000 }),
  } as const;
}
