import { Readable } from 'node:stream';
import Router from '@koa/router';
import type { RouteDeps } from '../http/deps.js';
import type { AuditEntry, Member } from '../storage/store.js';
import { AUDIT_ACTIONS } from '../storage/log-stores.js';
import { auditConsole } from '../audit/console-audit.js';
import { auditQueryString, parseAuditQuery, type AuditQuery } from '../audit/audit-filter.js';
import { auditLabel, refusalText } from './audit-labels.js';
import { findPerson } from './audit-person.js';
import { csvHeaders, csvText, type CsvValue } from '../csv/csv.js';
import { isoTime, when } from './when.js';

const PER_PAGE = 50;
/** The CSV reads the log in pages of this many, so a long log is never one huge query. */
const CSV_PAGE = 2000;

const isAboutMember = (e: AuditEntry) => e.action.startsWith('member-');

/** Names for every member an entry is by or about, loaded in one batch. */
async function namesFor(deps: RouteDeps<'members'>, entries: AuditEntry[]): Promise<Map<string, Member>> {
  const ids = new Set<string>();
  for (const e of entries) {
    if (e.memberId) ids.add(e.memberId);
    if (isAboutMember(e) && e.target) ids.add(e.target);
  }
  return new Map((await deps.store.members.getMany([...ids])).map((m) => [m.id, m]));
}

function entryView(e: AuditEntry, members: Map<string, Member>) {
  const by = e.memberId ? members.get(e.memberId) : undefined;
  const subject = isAboutMember(e) ? members.get(e.target) : undefined;
  const about = subject ? `${subject.name} (card ${subject.card})` : e.action === 'login-failed' ? refusalText(e.target) : e.target;
  return {
    when: when(e.at), name: by?.name ?? (e.memberId ? 'Former member' : 'No member has this card'), card: e.card || '—',
    memberId: e.memberId ?? '', action: auditLabel(e.action), about, subjectId: subject ? e.target : '',
  };
}

/** The store filter for a query, with the person typed turned into cards and member ids. */
async function filterWithPerson(deps: RouteDeps<'members'>, query: AuditQuery) {
  if (!query.person) return { filter: query.filter, people: [] as Member[] };
  const match = await findPerson(deps.store.members, query.person);
  return { filter: { ...query.filter, person: { cards: match.cards, memberIds: match.memberIds } }, people: match.members };
}

/** The audit log: filtered by person, action and dates, in pages, and as CSV. Reading it is not itself an entry. */
export function auditRoutes(deps: RouteDeps<'audit' | 'members'>): Router {
  const { store, render, config } = deps;
  const router = new Router();

  router.get('/librarian/audit', async (ctx) => {
    const query = parseAuditQuery(new URLSearchParams(ctx.querystring));
    const { filter, people } = await filterWithPerson(deps, query);
    const { total, entries } = await store.audit.list(filter, (query.page - 1) * PER_PAGE, PER_PAGE);
    const members = await namesFor(deps, entries);
    const pages = Math.max(1, Math.ceil(total / PER_PAGE));
    await render(ctx, 'librarian/audit', {
      title: 'Audit log', section: 'audit', query, total, entries: entries.map((e) => entryView(e, members)),
      actions: AUDIT_ACTIONS.map((value) => ({ value, label: auditLabel(value) })),
      people: people.map((m) => `${m.name} (card ${m.card})`),
      retentionDays: config.AUDIT_RETENTION_DAYS,
      page: query.page, pages,
      prevHref: query.page > 1 ? `/librarian/audit${auditQueryString(query, query.page - 1)}` : null,
      nextHref: query.page < pages ? `/librarian/audit${auditQueryString(query, query.page + 1)}` : null,
      csvHref: `/librarian/audit.csv${auditQueryString(query)}`,
    });
  });

  router.get('/librarian/audit.csv', async (ctx) => {
    const query = parseAuditQuery(new URLSearchParams(ctx.querystring));
    const { filter } = await filterWithPerson(deps, query);
    await auditConsole(deps, ctx, 'librarian-download');
    // Streamed: each batch of the log, read by key, is written out before the next is read.
    async function* lines() {
      yield csvText([['time_utc', 'name', 'card', 'member_id', 'action', 'target']]);
      for await (const entries of store.audit.export(filter, CSV_PAGE)) {
        const members = await namesFor(deps, entries);
        yield csvText(entries.map((e): CsvValue[] => [isoTime(e.at), (e.memberId && members.get(e.memberId)?.name) || '', e.card, e.memberId, e.action, e.target]));
      }
    }
    ctx.set(csvHeaders('audit-log.csv'));
    ctx.body = Readable.from(lines());
  });

  return router;
}
