const DAY = 24 * 60 * 60_000;
/** A year and a day: a whole year compared with itself is the longest report anyone needs. */
const MAX_DAYS = 366;
const DEFAULT_DAYS = 30;

/** Whole UTC days from `from` to `to`, inclusive, as the report forms show them. */
export interface DateRange {
  from: string;
  to: string;
  /** `from` at midnight UTC. */
  start: number;
  /** The midnight after `to`: reports cover start <= at < end. */
  end: number;
  /** Why the range asked for was changed, if it was. */
  problem?: string;
}

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Midnight UTC of a YYYY-MM-DD day, or undefined for anything that is not a real date. */
export function parseDay(raw: string | null): number | undefined {
  if (!raw || !/^\d{4}-\d{2}-\d{2}$/.test(raw)) return undefined;
  const ms = Date.parse(`${raw}T00:00:00Z`);
  return Number.isNaN(ms) || isoDay(ms) !== raw ? undefined : ms;
}

/** Reads `from` and `to` (YYYY-MM-DD) from a query string; the last 30 days when absent or unreadable. */
export function parseDateRange(params: URLSearchParams, now: number, defaultDays = DEFAULT_DAYS): DateRange {
  const today = Math.floor(now / DAY) * DAY;
  const rawFrom = params.get('from') || null;
  const rawTo = params.get('to') || null;
  let from = parseDay(rawFrom);
  let to = parseDay(rawTo);
  let problem: string | undefined;
  if ((rawFrom && from === undefined) || (rawTo && to === undefined)) problem = 'Dates must be real dates written as YYYY-MM-DD, for example 2026-11-23.';
  to ??= today;
  from ??= to - (defaultDays - 1) * DAY;
  if (from > to) {
    [from, to] = [to, from];
    problem = 'The start date was after the end date, so they have been swapped.';
  }
  if ((to - from) / DAY + 1 > MAX_DAYS) {
    from = to - (MAX_DAYS - 1) * DAY;
    problem = `Reports cover at most ${MAX_DAYS} days; this one starts ${isoDay(from)}.`;
  }
  return { from: isoDay(from), to: isoDay(to), start: from, end: to + DAY, ...(problem ? { problem } : {}) };
}

/** Every day of the range, for charts and tables that show days without searches too. */
export function daysOf(range: DateRange): string[] {
  const days: string[] = [];
  for (let t = range.start; t < range.end; t += DAY) days.push(isoDay(t));
  return days;
}
