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
} as const satisfies Record<string, CookieDeclaration>;

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
