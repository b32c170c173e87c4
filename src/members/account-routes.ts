import Router from '@koa/router';
import type { RouteDeps } from '../http/deps.js';
import { fullTitle, recordPath, type CatalogueRecord } from '../model/record.js';
import { isOverdue, memberDate } from '../text/member-date.js';
import { currentMember, requireLogin } from './current-member.js';
import { ENDED_SHOWN_MS, holdState } from '../holds/hold-state.js';

const DATE = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' });

const titleOf = (record: CatalogueRecord | undefined) => record && fullTitle(record);

/** GET /account: reservations (each with a cancel button), loans and profile. */
export function accountRoutes(deps: RouteDeps<'audit' | 'loans' | 'records' | 'reservations'>): Router {
  const { store, render, clock } = deps;
  const router = new Router();

  router.get('/account', requireLogin, async (ctx) => {
    const member = currentMember(ctx)!;
    const now = clock();
    const [all, loans] = await Promise.all([
      store.reservations.listForMember(member.id),
      store.loans.listForMember(member.id),
    ]);
    // Live holds, and those collected or expired lately; cancelled ones are gone.
    const reservations = all.filter((r) => r.status === 'active' || ((r.status === 'collected' || r.status === 'expired') && now - (r.endedAt ?? 0) < ENDED_SHOWN_MS));
    const records = new Map((await store.records.getMany(reservations.map((r) => r.recordId))).map((r) => [r.id, r]));
    // The list from a reserve-all request is shown once, like a status message.
    const report = ctx.session!.reserveReport;
    delete ctx.session!.reserveReport;
    await render(ctx, 'members/account', {
      title: 'Your account',
      profile: { name: member.name, card: member.card, email: member.email, homeBranch: member.homeBranch, librarian: member.role === 'librarian' },
      reservations: reservations.map((r) => ({
        id: r.id, recordId: r.recordId, title: titleOf(records.get(r.recordId)) ?? r.recordId,
        href: recordPath(r.recordId), pickupBranch: r.pickupBranch, placed: DATE.format(r.createdAt),
        state: holdState(r, now), live: r.status === 'active',
      })),
      loans: loans.map((l) => ({ ...l, href: recordPath(l.recordId), due: memberDate(l.dueDate, now), overdue: isOverdue(l.dueDate, now) })),
      report: Array.isArray(report) ? report : undefined,
    });
  });

  return router;
}
