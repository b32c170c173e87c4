import type Koa from 'koa';
import Router from '@koa/router';
import type { RouteDeps } from '../http/deps.js';
import { setFlash } from '../session/flash.js';
import { currentMember } from '../members/current-member.js';
import { checkInHold, collectHold, readyUntilText } from '../holds/hold-desk.js';
import { holdShelf, pickList } from '../holds/pick-list.js';
import { fullTitle } from '../model/record.js';
import type { Member, Reservation } from '../storage/store.js';

/** The console's hold desk: the pick list, checking copies in for holds, and the hold shelf. */
export function holdsRoutes(deps: RouteDeps<'audit' | 'members' | 'records' | 'reservations'>): Router {
  const { store, render, clock } = deps;
  const router = new Router();

  const branchAsked = (value: unknown) => (typeof value === 'string' ? value.slice(0, 200) : '');
  const back = (branch: string) => `/librarian/holds${branch ? `?branch=${encodeURIComponent(branch)}` : ''}`;

  async function lookups(holds: Reservation[]) {
    const [records, members] = await Promise.all([
      store.records.getMany([...new Set(holds.map((h) => h.recordId))]),
      Promise.all([...new Set(holds.map((h) => h.memberId))].map((id) => store.members.get(id))),
    ]);
    return {
      records: new Map(records.map((r) => [r.id, r])),
      members: new Map(members.filter((m): m is Member => m !== null).map((m) => [m.id, m])),
    };
  }

  router.get('/librarian/holds', async (ctx) => {
    const branch = branchAsked(ctx.query.branch);
    const [transit, ready] = await Promise.all([store.reservations.listAtStage('in-transit'), store.reservations.listAtStage('ready')]);
    const { records, members } = await lookups([...transit, ...ready]);
    const picks = pickList(transit, records, members, branch || undefined);
    const shelf = holdShelf(ready, records, members, clock(), branch || undefined);
    const branches = [...new Set([...pickList(transit, records, members), ...holdShelf(ready, records, members, clock())].map((g) => g.branch))].sort();
    await render(ctx, 'librarian/holds', {
      title: 'Holds: pick list and hold shelf', section: 'holds', branch, branches, picks, shelf, holdShelfDays: deps.config.HOLD_SHELF_DAYS,
      pickCount: picks.reduce((n, g) => n + g.rows.length, 0), shelfCount: shelf.reduce((n, g) => n + g.rows.length, 0),
    });
  });

  async function titleOf(hold: Reservation): Promise<string> {
    const record = await store.records.get(hold.recordId);
    return record ? fullTitle(record) : hold.recordId;
  }

  const step = (run: (ctx: Koa.Context, id: string, librarian: Member) => Promise<void>) => async (ctx: Koa.Context) => {
    await run(ctx, ctx.params.id ?? '', currentMember(ctx)!);
    ctx.redirect(back(branchAsked((ctx.request.body as { branch?: unknown } | undefined)?.branch)));
  };

  router.post('/librarian/holds/:id/check-in', step(async (ctx, id, librarian) => {
    const done = await checkInHold(deps, id, librarian);
    if (!done) {
      setFlash(ctx, { kind: 'info', text: 'That hold is not waiting to be checked in: it may have been checked in or cancelled already.' });
      return;
    }
    const until = readyUntilText(done.hold.readyUntil!, clock());
    const told = done.mailed ? ' The member has been emailed.' : ' No email was sent: tell the member another way.';
    setFlash(ctx, { kind: 'success', text: `‘${await titleOf(done.hold)}’ is ready to collect at ${done.hold.pickupBranch} until ${until}.${told}` });
  }));

  router.post('/librarian/holds/:id/collect', step(async (ctx, id, librarian) => {
    const hold = await collectHold(deps, id, librarian);
    setFlash(ctx, hold
      ? { kind: 'success', text: `‘${await titleOf(hold)}’ has been collected.` }
      : { kind: 'info', text: 'That hold is not on the hold shelf: it may have been collected or expired already.' });
  }));

  return router;
}
