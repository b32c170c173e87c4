import type Koa from 'koa';
import { Forbidden } from '../http/errors.js';
import { currentMember, requireLogin } from '../members/current-member.js';

/**
 * The console is for the librarian role only: a visitor who is not logged in
 * is sent to log in and back, a member gets the 403 page. It runs before any
 * body is read, so a member's upload is refused before a byte is stored.
 */
export const requireLibrarian: Koa.Middleware = async (ctx, next) => {
  const member = currentMember(ctx);
  if (!member) return requireLogin(ctx, next);
  if (member.role !== 'librarian') throw new Forbidden('This page is for library staff. If you work for the library, log in with your staff card.');
  await next();
};
