import type Koa from 'koa';
import type { Logger } from './logger.js';
import { CookiesRequired, FormTokenInvalid, HttpError, NotFound } from './errors.js';
import type { Renderer } from './render.js';

/**
 * The one place errors become responses. Typed errors show their public
 * message; anything else is logged and shown as a plain 500, never its text.
 */
export function errorHandler(logger: Logger, render: Renderer): Koa.Middleware {
  return async (ctx, next) => {
    try {
      await next();
      if (ctx.status === 404 && ctx.body === undefined) throw new NotFound();
    } catch (err) {
      const known = err instanceof HttpError ? err : undefined;
      const status = known?.status ?? (isClientError(err) ? (err as { status: number }).status : 500);
      if (status >= 500) logger.error({ err, method: ctx.method, path: ctx.path }, 'request failed');
      ctx.status = status;
      const message = known?.publicMessage ?? (status === 404 ? 'We could not find that page.' : status < 500 ? 'The request could not be understood.' : 'Something went wrong on our side. Please try again.');
      if (ctx.accepts('html', 'json') === 'json') {
        ctx.body = { error: message, cookiesRequired: err instanceof CookiesRequired || undefined };
        return;
      }
      const view = err instanceof CookiesRequired ? 'errors/cookies-required' : err instanceof FormTokenInvalid ? 'errors/form-refused' : 'errors/error';
      try {
        await render(ctx, view, { status, message, title: titleFor(status) });
      } catch (renderErr) {
        logger.error({ err: renderErr }, 'error page failed to render');
        ctx.type = 'text';
        ctx.body = message;
      }
      ctx.status = status;
    }
  };
}

function isClientError(err: unknown): boolean {
  const status = (err as { status?: unknown })?.status;
  return typeof status === 'number' && status >= 400 && status < 500 && (err as { expose?: boolean }).expose === true;
}

function titleFor(status: number): string {
  if (status === 404) return 'Page not found';
  if (status === 403) return 'Not allowed';
  if (status < 500) return 'Something was wrong with that request';
  return 'Sorry, something went wrong';
}
