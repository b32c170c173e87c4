import type { Store } from '../storage/store.js';
import { daysOf, type DateRange } from '../text/date-range.js';

/** One day of consented analytics, days without visitors included as zeros. */
export interface VisitorDay { day: string; visitors: number; returning: number }

/** Distinct and returning visitors per day, from visitors who accepted analytics cookies only. */
export async function visitorReport(store: Pick<Store, 'visits'>, range: DateRange): Promise<{ days: VisitorDay[]; total: number }> {
  const byDay = new Map((await store.visits.daily(range.from, range.to)).map((d) => [d.day, d]));
  const days = daysOf(range).map((day) => byDay.get(day) ?? { day, visitors: 0, returning: 0 });
  return { days, total: days.reduce((n, d) => n + d.visitors, 0) };
}
