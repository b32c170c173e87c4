import type Koa from 'koa';
import type { Logger } from './logger.js';

/** One line per request: method, path, status, time. No address, agent, cookie or query string. */
export function requestLog(logger: Logger): Koa.Middleware {
  return async (ctx, next) => {
    const started = performance.now();
    try {
      await next();
    } finally {
      logger.info({ method: ctx.method, path: ctx.path, status: ctx.status, ms: Math.round(performance.now() - started) }, 'request');
    }
  };
}
