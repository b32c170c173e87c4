const TIME = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/London' });

/** A moment as library staff read it: "23 Nov 2026, 10:00", UK time. */
export function when(ms: number): string {
  return TIME.format(ms);
}

/** The same moment for a CSV file: ISO 8601 in UTC, which spreadsheets sort correctly. */
export function isoTime(ms: number): string {
  return new Date(ms).toISOString();
}
