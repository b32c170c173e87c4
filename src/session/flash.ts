import type Koa from 'koa';
import { COOKIES } from './cookie-registry.js';

/** A once-only status message, kept in the server-side session (never a cookie of its own). */
export interface Flash {
  kind: 'success' | 'info' | 'error';
  text: string;
}

export function setFlash(ctx: Koa.Context, flash: Flash): void {
  ctx.session!.flash = flash;
}

/** Returns the message and removes it, so it is shown once. */
export function takeFlash(ctx: Koa.Context): Flash | undefined {
  if (!ctx.cookies.get(COOKIES.session.name)) return undefined;
  const flash = ctx.session?.flash as Flash | undefined;
  if (flash) delete ctx.session!.flash;
  return flash;
}
