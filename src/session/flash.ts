import type Koa from 'koa';
import { existingSession } from './session.js';

/** A once-only status message, kept in the server-side session (never a cookie of its own). */
export interface Flash {
  kind: 'success' | 'info' | 'error';
  text: string;
  /** The element id the message is also shown beside (a result, the "Add selected" button), when the member acted there. */
  place?: string;
}

export function setFlash(ctx: Koa.Context, flash: Flash): void {
  ctx.session!.flash = flash;
}

/** Returns the message and removes it, so it is shown once. */
export function takeFlash(ctx: Koa.Context): Flash | undefined {
  const session = existingSession(ctx);
  const flash = session?.flash as Flash | undefined;
  if (flash) delete session!.flash;
  return flash;
}
