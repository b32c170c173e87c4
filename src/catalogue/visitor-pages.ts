import type Koa from 'koa';
import type { Clock } from '../http/deps.js';
import type { RecordStore } from '../storage/store.js';
import type { RecordHolds, ReservationStore } from '../storage/member-stores.js';
import { COOKIES } from '../cookies/cookie-registry.js';
import { libraryToday } from '../text/member-date.js';

/** A page as sent, and what it was made from. */
interface KeptPage {
  html: Buffer;
  catalogue: string;
  day: string;
  /** The records whose holds the page shows, and those holds as it showed them. */
  ids: string[];
  holds: string;
}

/** What a route tells the cache about the page it rendered: the records whose availability it shows. */
export interface PageHolds {
  ids: string[];
  holds: Map<string, RecordHolds>;
}

/**
 * Catalogue pages kept for visitors without a visit (no JSESSIONID): such a
 * page is the same for every one of them, so a popular search is worked out
 * and rendered once, not once per visitor. Nothing stale is ever sent: a kept
 * page is used only while the catalogue version, the library's day (due dates,
 * "overdue") and the holds on its records are what they were when it was
 * made; each is checked on every use, so a hold placed through another
 * instance shows at once. A visit with a session always gets its own page.
 * At most `maxBytes` of pages, the least recently used out first.
 */
export class VisitorPages {
  private readonly pages = new Map<string, KeptPage>();
  private bytes = 0;

  constructor(
    private readonly store: { records: Pick<RecordStore, 'version'>; reservations: Pick<ReservationStore, 'holdsFor'> },
    private readonly maxBytes: number,
    private readonly clock: Clock,
  ) {}

  /**
   * Middleware for one page route. `varies` names anything else in the
   * request the page depends on (the record page's "Back to results" link).
   * The route keeps its page by calling `pageShowsHolds`; one that does not is never kept.
   */
  route(varies: (ctx: Koa.Context) => string = () => ''): Koa.Middleware {
    return async (ctx, next) => {
      if (this.maxBytes <= 0 || ctx.cookies.get(COOKIES.session.name) !== undefined) return next();
      const key = pageKey(ctx, varies(ctx));
      const catalogue = await this.store.records.version();
      const day = libraryToday(this.clock());
      const kept = this.pages.get(key);
      if (kept && kept.catalogue === catalogue && kept.day === day && kept.holds === holdsText(kept.ids, await this.store.reservations.holdsFor(kept.ids))) {
        this.pages.delete(key);
        this.pages.set(key, kept);
        ctx.type = 'html';
        ctx.body = kept.html;
        return;
      }
      await next();
      const shown = ctx.state.pageHolds;
      // Only a plain page, and never one whose request started a visit: that page holds the visit's token.
      if (ctx.status !== 200 || typeof ctx.body !== 'string' || !shown || ctx.session?.populated) return;
      this.keep(key, { html: Buffer.from(ctx.body), catalogue, day, ids: shown.ids, holds: holdsText(shown.ids, shown.holds) });
    };
  }

  private keep(key: string, page: KeptPage): void {
    const old = this.pages.get(key);
    if (old) {
      this.bytes -= old.html.length;
      this.pages.delete(key);
    }
    if (page.html.length > this.maxBytes / 4) return;
    this.pages.set(key, page);
    this.bytes += page.html.length;
    for (const [oldest, { html }] of this.pages) {
      if (this.bytes <= this.maxBytes) break;
      this.pages.delete(oldest);
      this.bytes -= html.length;
    }
  }
}

/**
 * A route's word that its page may be kept for visitors: it shows the
 * availability of `ids`, with these holds (read before it rendered).
 */
export function pageShowsHolds(ctx: Koa.Context, ids: string[], holds: Map<string, RecordHolds>): void {
  ctx.state.pageHolds = { ids, holds } satisfies PageHolds;
}

/**
 * Everything a visitor's page is made from besides the catalogue and holds:
 * the address (with the site's origin, which permalinks show) and what the
 * browser's cookies say (whether it returns them, analytics consent).
 */
function pageKey(ctx: Koa.Context, varies: string): string {
  const cookies = `${ctx.state.cookiesEnabled ? 1 : 0}${ctx.state.cookiesBlocked ? 1 : 0}${String(ctx.state.cookieConsent)}`;
  return `${ctx.method === 'HEAD' ? 'GET' : ctx.method} ${ctx.protocol}://${ctx.host}${ctx.url}\n${cookies}\n${varies}`;
}

/** The holds on `ids`, in a form that compares as text. */
function holdsText(ids: string[], holds: Map<string, RecordHolds>): string {
  return JSON.stringify(ids.map((id) => {
    const h = holds.get(id);
    return h ? [h.waiting, [...h.heldItemIds].sort()] : 0;
  }));
}
