import { AUDIT_ACTIONS, type AuditAction, type AuditFilter } from '../storage/log-stores.js';
import { parseDay } from '../text/date-range.js';

const DAY = 24 * 60 * 60_000;

/** The audit page's filter as the form shows it, and as the store reads it. */
export interface AuditQuery {
  /** A card number or part of a name, as typed; the route turns it into `filter.person`. */
  person: string;
  action: string;
  from: string;
  to: string;
  page: number;
  filter: AuditFilter;
  /** Why part of the filter was ignored, if it was. */
  problem?: string;
}

/** Reads person (or card), action, from, to (inclusive days) and page; anything unreadable is left out and said so. */
export function parseAuditQuery(params: URLSearchParams): AuditQuery {
  const person = (params.get('person') ?? params.get('card') ?? '').trim().slice(0, 100);
  const rawAction = params.get('action') ?? '';
  const action = (AUDIT_ACTIONS as readonly string[]).includes(rawAction) ? (rawAction as AuditAction) : undefined;
  const from = parseDay(params.get('from'));
  const to = parseDay(params.get('to'));
  const page = Math.max(1, Math.min(100_000, Number.parseInt(params.get('page') ?? '1', 10) || 1));
  const problems: string[] = [];
  if (rawAction && !action) problems.push('That action is not one the log records, so all actions are shown.');
  if ((params.get('from') && from === undefined) || (params.get('to') && to === undefined)) problems.push('Dates must be real dates written as YYYY-MM-DD.');
  const filter: AuditFilter = {
    ...(action ? { action } : {}),
    ...(from !== undefined ? { from } : {}),
    ...(to !== undefined ? { to: to + DAY } : {}),
  };
  return {
    person, action: action ?? '', from: from === undefined ? '' : params.get('from')!, to: to === undefined ? '' : params.get('to')!, page, filter,
    ...(problems.length ? { problem: problems.join(' ') } : {}),
  };
}

/** The query string for the same filter on another page (or the CSV), empty fields left out. */
export function auditQueryString(q: AuditQuery, page?: number): string {
  const params = new URLSearchParams();
  for (const key of ['person', 'action', 'from', 'to'] as const) if (q[key]) params.set(key, q[key]);
  if (page && page > 1) params.set('page', String(page));
  const s = params.toString();
  return s ? `?${s}` : '';
}
