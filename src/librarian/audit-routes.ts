import { Readable } from 'node:stream';
import Router from '@koa/router';
import type { RouteDeps } from '../http/deps.js';
import type { AuditEntry } from '../storage/store.js';
import { AUDIT_ACTIONS } from '../storage/log-stores.js';
import { auditConsole } from '../audit/console-audit.js';
import { auditQueryString, parseAuditQuery } from '../audit/audit-filter.js';
import { csvHeaders, csvText, type CsvValue } from '../csv/csv.js';
import { isoTime, when } from './when.js';

const PER_PAGE = 50;
/** The CSV reads the log in pages of this many, so a long log is never one huge query. */
const CSV_PAGE = 2000;

const entryView = (e: AuditEntry) => ({ when: when(e.at), card: e.card || '—', memberId: e.memberId ?? '—', action: e.action, target: e.target });

/** The audit log: filtered by card, action and dates, in pages, and as CSV. */
export function auditRoutes(deps: RouteDeps<'audit'>): Router {
  const { store, render, config } = deps;
  const router = new Router();

  router.get('/librarian/audit', async (ctx) => {
    const query = parseAuditQuery(new URLSearchParams(ctx.querystring));
    await auditConsole(deps, ctx, 'librarian-view');
    const { total, entries } = await store.audit.list(query.filter, (query.page - 1) * PER_PAGE, PER_PAGE);
    const pages = Math.max(1, Math.ceil(total / PER_PAGE));
    await render(ctx, 'librarian/audit', {
      title: 'Audit log', section: 'audit', query, actions: AUDIT_ACTIONS, total, entries: entries.map(entryView),
      retentionDays: config.AUDIT_RETENTION_DAYS,
      page: query.page, pages,
      prevHref: query.page > 1 ? `/librarian/audit${auditQueryString(query, query.page - 1)}` : null,
      nextHref: query.page < pages ? `/librarian/audit${auditQueryString(query, query.page + 1)}` : null,
      csvHref: `/librarian/audit.csv${auditQueryString(query)}`,
    });
  });

  router.get('/librarian/audit.csv', async (ctx) => {
    const query = parseAuditQuery(new URLSearchParams(ctx.querystring));
    await auditConsole(deps, ctx, 'librarian-download');
    // Streamed: each batch of the log, read by key, is written out before the next is read.
    async function* lines() {
      yield csvText([['time_utc', 'card', 'member_id', 'action', 'target']]);
      for await (const entries of store.audit.export(query.filter, CSV_PAGE)) {
        yield csvText(entries.map((e): CsvValue[] => [isoTime(e.at), e.card, e.memberId, e.action, e.target]));
      }
    }
    ctx.set(csvHeaders('audit-log.csv'));
    ctx.body = Readable.from(lines());
  });

  return router;
}
