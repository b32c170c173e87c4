import { randomBytes } from 'node:crypto';
import type Koa from 'koa';
import Router from '@koa/router';
import type { RouteDeps } from '../http/deps.js';
import { NotFound } from '../http/errors.js';
import { requireCookies } from '../session/cookie-support.js';
import { setFlash } from '../session/flash.js';
import { sessionLiveAt, startVisit, visitEndsAt } from '../session/session.js';
import { currentMember, requireLogin } from '../members/current-member.js';
import { Basket } from '../basket/basket.js';
import { addMessage } from '../basket/messages.js';
import { visitBasket } from '../basket/visit-basket.js';
import { LIST_NAME_MAX, LISTS_PER_MEMBER, listName } from './list-name.js';
import { listRow, listView } from './list-view.js';

const nameOf = (ctx: Koa.Context) => listName((ctx.request.body as { name?: unknown } | undefined)?.name);

/**
 * /lists: a logged-in member's saved lists. Each handler names the member as
 * owner in the store call, and a list that is not theirs is a 404, the same
 * as one that does not exist, so list ids are never confirmed to others.
 */
export function listRoutes(deps: RouteDeps<'baskets' | 'lists' | 'records'>): Router {
  const { store, clock, config, render } = deps;
  const router = new Router();
  const ownList = async (ctx: Koa.Context) => {
    const list = await store.lists.get(currentMember(ctx)!.id, String(ctx.params.id));
    if (!list) throw new NotFound('We could not find that list. It may have been deleted.');
    return list;
  };

  router.get('/lists', requireLogin, async (ctx) => {
    const lists = await store.lists.listByOwner(currentMember(ctx)!.id);
    await render(ctx, 'lists/index', { title: 'Your lists', lists: lists.map(listRow) });
  });

  router.post('/lists', requireCookies, requireLogin, async (ctx) => {
    const member = currentMember(ctx)!;
    const name = nameOf(ctx);
    const recordIds = await visitBasket(ctx, store).ids();
    const refuse = (text: string) => (setFlash(ctx, { kind: 'error', text }), ctx.redirect('/basket#save-list'));
    if (!name) return refuse(`Give the list a name of up to ${LIST_NAME_MAX} characters.`);
    if (recordIds.length === 0) return refuse('Your basket is empty, so there is nothing to save.');
    if ((await store.lists.countByOwner(member.id)) >= LISTS_PER_MEMBER) return refuse(`You already have ${LISTS_PER_MEMBER} lists, the most an account can keep. Delete one to make room.`);
    const id = randomBytes(16).toString('base64url');
    await store.lists.create({ id, ownerId: member.id, name, recordIds, createdAt: clock(), updatedAt: clock() });
    setFlash(ctx, { kind: 'success', text: `Saved your basket as ‘${name}’ (${recordIds.length === 1 ? '1 item' : `${recordIds.length} items`}). It stays with your account after this visit.` });
    ctx.redirect(`/lists/${id}`);
  });

  router.get('/lists/:id', requireLogin, async (ctx) => {
    const list = await ownList(ctx);
    const [records, basketIds] = await Promise.all([store.records.getMany(list.recordIds), visitBasket(ctx, store).ids()]);
    await render(ctx, 'lists/show', { title: list.name, list: listView(list, records, new Set(basketIds)), nameMax: LIST_NAME_MAX });
  });

  router.post('/lists/:id/rename', requireCookies, requireLogin, async (ctx) => {
    const list = await ownList(ctx);
    const name = nameOf(ctx);
    if (!name) setFlash(ctx, { kind: 'error', text: `Give the list a name of up to ${LIST_NAME_MAX} characters.` });
    else if (await store.lists.rename(list.ownerId, list.id, name, clock())) setFlash(ctx, { kind: 'success', text: `Renamed the list to ‘${name}’.` });
    ctx.redirect(`/lists/${list.id}`);
  });

  router.post('/lists/:id/delete', requireCookies, requireLogin, async (ctx) => {
    const list = await ownList(ctx);
    await store.lists.delete(list.ownerId, list.id);
    setFlash(ctx, { kind: 'success', text: `Deleted the list ‘${list.name}’.` });
    ctx.redirect('/lists');
  });

  router.post('/lists/:id/load', requireCookies, requireLogin, async (ctx) => {
    const list = await ownList(ctx);
    const basket = new Basket(store, startVisit(ctx, clock), config.BASKET_LIMIT, sessionLiveAt(ctx, clock));
    const outcome = await basket.add(list.recordIds, visitEndsAt(config, clock));
    setFlash(ctx, addMessage(outcome, basket.limit));
    ctx.redirect('/basket');
  });

  return router;
}
