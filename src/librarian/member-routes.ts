import type Koa from 'koa';
import Router from '@koa/router';
import type { RouteDeps } from '../http/deps.js';
import { NotFound } from '../http/errors.js';
import type { Member } from '../storage/member-stores.js';
import { setFlash } from '../session/flash.js';
import { fullTitle, recordPath } from '../model/record.js';
import { branchRegistryPath, loadBranchRegistry } from '../branches/branch-registry-file.js';
import { addMember, readNewMember, resetPin, setDisabled, type NewMemberForm } from './member-admin.js';
import { when } from './when.js';

const PER_PAGE = 50;

const memberRow = (m: Member) => ({
  id: m.id, href: `/librarian/members/${encodeURIComponent(m.id)}`, name: m.name, card: m.card, homeBranch: m.homeBranch,
  role: m.role === 'librarian' ? 'Librarian' : 'Member', status: m.disabledAt === undefined ? 'Active' : `Disabled since ${when(m.disabledAt)}`,
  disabled: m.disabledAt !== undefined,
});

/** Librarians add members, disable and re-enable cards, reset PINs and see a member's reservations. */
export function memberRoutes(deps: RouteDeps<'members' | 'reservations' | 'records' | 'audit'>): Router {
  const { store, render, config } = deps;
  const router = new Router();
  const homeBranches = async () => (await loadBranchRegistry(branchRegistryPath(config))).branches.map((b) => b.name);

  async function memberOr404(ctx: Koa.Context): Promise<Member> {
    const member = await store.members.get(ctx.params.id ?? '');
    if (!member) throw new NotFound('There is no member with that number.');
    return member;
  }

  /** The member's page; `pin` is a PIN just made, shown on this response only and never stored or redirected with. */
  async function showMember(ctx: Koa.Context, member: Member, pin?: string) {
    const reservations = await store.reservations.listForMember(member.id);
    const records = new Map((await store.records.getMany(reservations.map((r) => r.recordId))).map((r) => [r.id, r]));
    const self = ctx.state.member?.id === member.id;
    await render(ctx, 'librarian/member', {
      title: member.name, section: 'members', member: memberRow(member), email: member.email, self, pin,
      reservations: reservations.map((r) => {
        const record = records.get(r.recordId);
        return { title: record ? fullTitle(record) : r.recordId, href: recordPath(r.recordId), pickupBranch: r.pickupBranch, placed: when(r.createdAt), status: r.status };
      }),
    });
  }

  const showNewForm = async (ctx: Koa.Context, form?: NewMemberForm, problems: Record<string, string> = {}) =>
    render(ctx, 'librarian/member-new', { title: 'Add a member', section: 'members', form, problems, branches: await homeBranches() });

  router.get('/librarian/members', async (ctx) => {
    const text = typeof ctx.query.q === 'string' ? ctx.query.q.trim().slice(0, 100) : '';
    const page = Math.max(1, Math.min(10_000, Number.parseInt(String(ctx.query.page ?? '1'), 10) || 1));
    const { total, members } = await store.members.list(text ? { text } : {}, (page - 1) * PER_PAGE, PER_PAGE);
    const pages = Math.max(1, Math.ceil(total / PER_PAGE));
    const href = (p: number) => `/librarian/members?${new URLSearchParams({ ...(text ? { q: text } : {}), page: String(p) }).toString()}`;
    await render(ctx, 'librarian/members', {
      title: 'Members', section: 'members', q: text, total, members: members.map(memberRow), page, pages,
      prevHref: page > 1 ? href(page - 1) : null, nextHref: page < pages ? href(page + 1) : null,
    });
  });

  router.get('/librarian/members/new', async (ctx) => showNewForm(ctx));

  router.post('/librarian/members', async (ctx) => {
    const { form, problems } = readNewMember((ctx.request.body ?? {}) as Record<string, unknown>, await homeBranches());
    if (Object.keys(problems).length) {
      ctx.status = 400;
      return showNewForm(ctx, form, problems);
    }
    const added = await addMember(deps, ctx, form);
    if (!added) {
      ctx.status = 409;
      return showNewForm(ctx, form, { card: `Card ${form.card} already belongs to a member.` });
    }
    ctx.status = 201;
    await showMember(ctx, added.member, added.pin);
  });

  router.get('/librarian/members/:id', async (ctx) => showMember(ctx, await memberOr404(ctx)));

  router.post('/librarian/members/:id/pin', async (ctx) => {
    const member = await memberOr404(ctx);
    await showMember(ctx, member, await resetPin(deps, ctx, member));
  });

  for (const [path, disable] of [['disable', true], ['enable', false]] as const) {
    router.post(`/librarian/members/:id/${path}`, async (ctx) => {
      const member = await memberOr404(ctx);
      if (disable && ctx.state.member?.id === member.id) {
        setFlash(ctx, { kind: 'error', text: 'You cannot disable your own card: ask another librarian.' });
      } else if (disable === (member.disabledAt === undefined)) {
        await setDisabled(deps, ctx, member, disable);
        setFlash(ctx, { kind: 'success', text: disable ? `${member.name}’s card is disabled: it cannot be used to log in.` : `${member.name}’s card works again.` });
      }
      ctx.redirect(`/librarian/members/${encodeURIComponent(member.id)}`);
    });
  }

  return router;
}
