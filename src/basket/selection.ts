import type Koa from 'koa';
import type { CatalogueRecord } from '../model/record.js';
import type { Store } from '../storage/store.js';
import { idsFrom } from './ids-from.js';
import { visitBasket } from './visit-basket.js';

/** What an action works on: the ticked basket items, or the whole basket when none is ticked. */
export interface Selection {
  records: CatalogueRecord[];
  /** True when the member ticked items, false for the whole basket. */
  selected: boolean;
}

/**
 * Ticked ids count only when they are in this visit's basket (an export is
 * of the basket, whatever a link asks for); order is the basket's.
 */
export async function basketSelection(ctx: Koa.Context, store: Pick<Store, 'records' | 'baskets'>, source: unknown): Promise<Selection> {
  const basketIds = await visitBasket(ctx, store).ids();
  const ticked = new Set(idsFrom(source));
  const ids = ticked.size ? basketIds.filter((id) => ticked.has(id)) : basketIds;
  return { records: await store.records.getMany(ids), selected: ticked.size > 0 };
}
