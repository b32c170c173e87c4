import type { Member } from './storage/store.js';
import type { Consent } from './cookies/consent.js';
import type { StoredVisit } from './session/session-store.js';
import type { PageHolds } from './catalogue/visitor-pages.js';

/** What Shelfmark's middleware puts on `ctx.state`, typed once for every handler that reads it. */
declare module 'koa' {
  interface DefaultState {
    /** The logged-in member (members/current-member.ts). */
    member?: Member;
    /** The browser sent the cookie-support cookie back (session/cookie-support.ts). */
    cookiesEnabled?: boolean;
    /** A page reached from one of ours without it: the browser refuses cookies. */
    cookiesBlocked?: boolean;
    /** The visitor's analytics choice (cookies/consent.ts). */
    cookieConsent?: Consent;
    /** The session as read at the start of the request, when the browser sent a live one (session/session-store.ts). */
    storedVisit?: StoredVisit;
    /** The browser sent the id of a visit that has ended since (the page says so once). */
    visitEnded?: boolean;
    /** What every page shows, added to by middleware (the header's member greeting). */
    page?: Record<string, unknown>;
    /** The records whose availability a catalogue page shows, so it may be kept for visitors (catalogue/visitor-pages.ts). */
    pageHolds?: PageHolds;
  }
}

export {};
