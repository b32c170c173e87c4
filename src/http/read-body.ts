import type Koa from 'koa';
import { bodyParser } from '@koa/bodyparser';
import { BadRequest, HttpError, UnsupportedMediaType } from './errors.js';
import type { Logger } from './logger.js';

/**
 * The only routes that read a multipart body themselves (and check its
 * `_csrf` field). Any other multipart POST is refused with 415 here, so a
 * forged multipart form cannot slip past to a handler that needs no fields,
 * such as /logout.
 */
export const MULTIPART_HANDLERS: ReadonlySet<string> = new Set(['/librarian/import']);

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** True when a parsed body holds a key that could reach an object's prototype, at any depth. */
function hasForbiddenKey(value: unknown, depth = 0): boolean {
  if (typeof value !== 'object' || value === null || depth > 20) return false;
  return Object.keys(value).some((key) => FORBIDDEN_KEYS.has(key) || hasForbiddenKey((value as Record<string, unknown>)[key], depth + 1));
}

/** A body parser's error as a client error: the status it carries when it is one (413, 415), else 400. */
function refusalFor(err: unknown): HttpError {
  const status = (err as { status?: unknown }).status;
  if (status === 415) return new UnsupportedMediaType();
  if (status === 413) return new HttpError(413, 'The request is too large.');
  return new BadRequest();
}

/**
 * Reads form and JSON bodies (100 kB at most). A body that cannot be read
 * (bad JSON, an unknown Content-Encoding, anything but one object, a
 * `__proto__` key) is refused with 400 or 415 and a warning, never a 500.
 * Multipart is refused except on the routes that read it themselves.
 */
export function readBody(logger: Logger): Koa.Middleware {
  const parse = bodyParser({ enableTypes: ['form', 'json'], formLimit: '100kb', jsonLimit: '100kb' });
  const refuse = (ctx: Koa.Context, error: HttpError, reason: string): never => {
    logger.warn({ method: ctx.method, path: ctx.path, status: error.status, reason }, 'request body refused');
    throw error;
  };
  return async (ctx, next) => {
    if (UNSAFE.has(ctx.method) && ctx.is('multipart') && !MULTIPART_HANDLERS.has(ctx.path)) {
      refuse(ctx, new UnsupportedMediaType(), 'multipart outside the upload route');
    }
    try {
      await parse(ctx, async () => {});
    } catch (err) {
      refuse(ctx, refusalFor(err), (err as { type?: string }).type ?? (err instanceof Error ? err.message : 'unreadable'));
    }
    const body: unknown = ctx.request.body;
    if (body !== undefined && (typeof body !== 'object' || body === null || Array.isArray(body))) refuse(ctx, new BadRequest(), 'not one object');
    if (hasForbiddenKey(body)) refuse(ctx, new BadRequest(), 'forbidden key');
    await next();
  };
}
