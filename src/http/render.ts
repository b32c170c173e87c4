import { fileURLToPath } from 'node:url';
import type Koa from 'koa';
import nunjucks from 'nunjucks';

export const TEMPLATES_DIR = fileURLToPath(new URL('../../templates/', import.meta.url));

/** Render a template into the response, with what every page shows (basket count, status message). */
export type Renderer = (ctx: Koa.Context, view: string, data?: Record<string, unknown>) => Promise<void>;

/** What every page shows about the visit; createApp fills it in, so http/ needs no session or basket code. */
export interface VisitLocals {
  basketCount: number;
  flash: unknown;
  csrfToken: string;
  /** Milliseconds until the visit ends if left idle, when there is a visit (the idle notice). */
  visitEndsIn?: number;
  /** "14:32": when that is, for pages without JavaScript. */
  visitEndsLabel?: string;
  visitWarningMs?: number;
  /** Whether "Email the basket" is offered. */
  mailEnabled?: boolean;
}

export function createRenderer(visitLocals: (ctx: Koa.Context) => Promise<VisitLocals>): Renderer {
  const env = new nunjucks.Environment(new nunjucks.FileSystemLoader(TEMPLATES_DIR), {
    autoescape: true,
    throwOnUndefined: false,
    trimBlocks: true,
    lstripBlocks: true,
  });
  return async (ctx, view, data = {}) => {
    const page = {
      ...(await visitLocals(ctx)),
      cookiesBlocked: ctx.state.cookiesBlocked,
      // A first page cannot know yet whether cookies come back; visit.js asks once (GET /visit/cookies).
      cookieCheck: !ctx.state.cookiesEnabled && !ctx.state.cookiesBlocked,
      cookieConsent: ctx.state.cookieConsent,
      path: ctx.path,
      currentUrl: ctx.url,
      ...ctx.state.page,
      ...data,
    };
    ctx.type = 'html';
    ctx.body = env.render(`${view}.njk`, page);
  };
}
