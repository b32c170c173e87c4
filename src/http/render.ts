import { fileURLToPath } from 'node:url';
import type Koa from 'koa';
import nunjucks from 'nunjucks';

export const TEMPLATES_DIR = fileURLToPath(new URL('../../templates/', import.meta.url));

/** How a page may be rendered: `offThread` for a heavy page (the results), rendered on a worker when there is one. */
export interface RenderOptions {
  offThread?: boolean;
}

/** Render a template into the response, with what every page shows (basket count, status message). */
export type Renderer = (ctx: Koa.Context, view: string, data?: Record<string, unknown>, options?: RenderOptions) => Promise<void>;

/** Renders a view with its data into HTML somewhere else: render-pool.ts. */
export type RenderElsewhere = (view: string, page: Record<string, unknown>) => Promise<string>;

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

/** The templates, as every page renders them: on the serving thread and on render workers alike. */
export function templateEnvironment(): nunjucks.Environment {
  return new nunjucks.Environment(new nunjucks.FileSystemLoader(TEMPLATES_DIR), {
    autoescape: true,
    throwOnUndefined: false,
    trimBlocks: true,
    lstripBlocks: true,
  });
}

export function createRenderer(visitLocals: (ctx: Koa.Context) => Promise<VisitLocals>, elsewhere?: RenderElsewhere): Renderer {
  const env = templateEnvironment();
  return async (ctx, view, data = {}, options = {}) => {
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
    ctx.body = options.offThread && elsewhere
      // Should the worker fail (or the page not copy to it), the page is rendered here, and a template error thrown here.
      ? await elsewhere(`${view}.njk`, page).catch(() => env.render(`${view}.njk`, page))
      : env.render(`${view}.njk`, page);
  };
}
