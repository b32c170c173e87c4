/** Dates as a member reads them, in the library's time zone: "Thursday 26 November", with the year only when it is not this year. */
const ZONE = 'Europe/London';
const DAY_MONTH = new Intl.DateTimeFormat('en-GB', { weekday: 'long', day: 'numeric', month: 'long', timeZone: ZONE });
const DAY_MONTH_YEAR = new Intl.DateTimeFormat('en-GB', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: ZONE });
const ISO_DAY = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: ZONE });

/** Today's date in the library's time zone, "2026-12-01". */
export function libraryToday(now: number): string {
  // Every kept visitor page asks (its due dates and "overdue" hang on it), and formatting costs
  // microseconds: the answer is kept for the minute, since the zone's days begin on a whole minute.
  const minute = Math.floor(now / 60_000);
  if (minute !== today.minute) today = { minute, day: ISO_DAY.format(now) };
  return today.day;
}
let today = { minute: Number.NaN, day: '' };

/** A calendar date ("2026-11-26") as "Thursday 26 November"; noon UTC keeps it on the same day in London. */
export function memberDate(isoDate: string, now: number): string {
  const at = Date.parse(`${isoDate.slice(0, 10)}T12:00:00Z`);
  if (Number.isNaN(at)) return isoDate;
  const sameYear = isoDate.slice(0, 4) === libraryToday(now).slice(0, 4);
  return (sameYear ? DAY_MONTH : DAY_MONTH_YEAR).format(at).replace(',', '');
}

/** Due back before today: a loan due today is not yet overdue. */
export function isOverdue(dueDate: string, now: number): boolean {
  return dueDate.slice(0, 10) < libraryToday(now);
}
