import type Koa from 'koa';
import Router from '@koa/router';
import type { RouteDeps } from '../http/deps.js';
import { BadRequest } from '../http/errors.js';
import { siteOrigin } from '../http/site-origin.js';
import { setFlash } from '../session/flash.js';
import { existingSession } from '../session/session.js';
import { exportFilename, exportFormat } from './export/formats.js';
import { basketSelection } from './selection.js';
import { dueForMembers, shelfItem } from './shelf-list.js';
import { memberPickList } from './pick-list.js';

/** Back to the basket, saying why, when there is nothing to act on. */
function nothingToDo(ctx: Koa.Context): void {
  // Only a visit that already has a session gets a message: a visitor without one is not given a session for it.
  if (existingSession(ctx)) {
    setFlash(ctx, { kind: 'info', text: 'Your basket is empty, so there is nothing to export or print.' });
  }
  ctx.redirect('/basket');
}

/**
 * GET /basket/export, /basket/print and /basket/pick-list: read-only views of the basket (or of
 * the ticked items), so they are plain links and need no form token.
 */
export function basketExportRoutes(deps: RouteDeps<'baskets' | 'records' | 'reservations'>): Router {
  const { store, clock, render, config } = deps;
  const router = new Router();

  router.get('/basket/export', async (ctx) => {
    const format = exportFormat(ctx.query.format);
    if (!format) throw new BadRequest('Choose one of the export formats offered on the basket page.');
    const { records } = await basketSelection(ctx, store, ctx.query);
    if (records.length === 0) return nothingToDo(ctx);
    ctx.attachment(exportFilename(format, clock()), { type: 'attachment' });
    // After attachment(), which would otherwise type the response from the file extension.
    ctx.set('Content-Type', format.contentType);
    ctx.set('Cache-Control', 'no-store');
    // Permalinks use the configured public address when there is one, as emails do; else the address asked for.
    ctx.body = format.write(records, config.PUBLIC_URL ?? siteOrigin(ctx));
  });

  router.get('/basket/print', async (ctx) => {
    const { records, selected } = await basketSelection(ctx, store, ctx.query);
    if (records.length === 0) return nothingToDo(ctx);
    ctx.set('Cache-Control', 'no-store');
    await render(ctx, 'basket/print', {
      title: 'Your basket to take to the shelves',
      items: records.map((r) => shelfItem(r, dueForMembers(clock()))),
      selected,
      printedOn: new Date(clock()).toISOString().slice(0, 10),
    });
  });

  // The basket as a pick list: copies by branch, in shelfmark order, with availability that counts holds.
  router.get('/basket/pick-list', async (ctx) => {
    const { records, selected } = await basketSelection(ctx, store, ctx.query);
    if (records.length === 0) return nothingToDo(ctx);
    ctx.set('Cache-Control', 'no-store');
    const holds = await store.reservations.holdsFor(records.map((r) => r.id));
    await render(ctx, 'basket/pick-list', {
      title: 'Your basket as a pick list',
      ...memberPickList(records, holds, dueForMembers(clock())),
      count: records.length,
      selected,
      printedOn: new Date(clock()).toISOString().slice(0, 10),
    });
  });

  return router;
}
