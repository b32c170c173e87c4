import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type Koa from 'koa';
import nunjucks from 'nunjucks';
import { takeFlash } from '../session/flash.js';
import { csrfToken } from '../session/csrf.js';

export const TEMPLATES_DIR = fileURLToPath(new URL('../../templates/', import.meta.url));

/** Render a template into the response, with what every page shows (basket count, status message). */
export type Renderer = (ctx: Koa.Context, view: string, data?: Record<string, unknown>) => Promise<void>;

export function createRenderer(basketCount: (ctx: Koa.Context) => Promise<number>): Renderer {
  const env = new nunjucks.Environment(new nunjucks.FileSystemLoader(TEMPLATES_DIR), {
    autoescape: true,
    throwOnUndefined: false,
    trimBlocks: true,
    lstripBlocks: true,
  });
  env.addFilter('json', (value: unknown) => new nunjucks.runtime.SafeString(JSON.stringify(value).replace(/</g, '\\u003c')));
  return async (ctx, view, data = {}) => {
    const page = {
      basketCount: await basketCount(ctx),
      flash: takeFlash(ctx),
      cookiesBlocked: ctx.state.cookiesBlocked,
      cookieConsent: ctx.state.cookieConsent,
      csrfToken: csrfToken(ctx),
      path: ctx.path,
      currentUrl: ctx.url,
      ...ctx.state.page,
      ...data,
    };
    ctx.type = 'html';
    ctx.body = env.render(`${view}.njk`, page);
  };
}

/** Keeps a template's name next to the route it belongs to. */
export function viewName(...parts: string[]): string {
  return path.posix.join(...parts);
}
