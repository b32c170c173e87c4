/**
 * Day-by-day charts for the console, laid out on the server and drawn by
 * templates/librarian/_chart.njk: one row per day (per week over long ranges),
 * one horizontal bar per series, each bar with its number written beside it.
 * Rows rather than columns, so every date label has a line of its own and
 * stays readable when the chart shrinks to a phone's width.
 */

const WIDTH = 400;
const LEFT = 84;
const RIGHT = 44;
const LEGEND = 30;
const BAR = 10;
const GAP = 8;
const FONT = 12;
/** Over this many days the chart shows weeks; the table beside it keeps every day. */
const MOST_ROWS = 62;

/** One thing counted per day, e.g. searches or those that found nothing. */
export interface SeriesSpec {
  name: string;
  /** Singular and plural noun for the bar titles: ['search', 'searches']. */
  noun: [string, string];
  fill: string;
}

export interface ChartBar { x: number; y: number; width: number; height: number; value: number; valueX: number; textY: number; fill: string; title: string }
export interface ChartRow { label: string; labelY: number; bars: ChartBar[] }

/** The geometry of one chart; the template only draws it. */
export interface Chart {
  id: string;
  title: string;
  width: number;
  height: number;
  left: number;
  rows: ChartRow[];
  legend: Array<{ x: number; name: string; fill: string }>;
  /** Read out by screen readers instead of the drawing. */
  description: string;
}

const DATE = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });
const short = (day: string) => DATE.format(Date.parse(`${day}T00:00:00Z`));

/** Days into rows: each day, or weeks (summed) when there are too many days for one row each. */
function buckets(days: Array<{ day: string; values: number[] }>): Array<{ label: string; first: string; last: string; values: number[] }> {
  const size = days.length > MOST_ROWS ? 7 : 1;
  const rows = [];
  for (let i = 0; i < days.length; i += size) {
    const group = days.slice(i, i + size);
    const values = group[0]!.values.map((_, s) => group.reduce((n, d) => n + (d.values[s] ?? 0), 0));
    rows.push({ label: size === 1 ? short(group[0]!.day) : `w/c ${short(group[0]!.day)}`, first: group[0]!.day, last: group.at(-1)!.day, values });
  }
  return rows;
}

const plural = (n: number, [one, many]: [string, string]) => `${n} ${n === 1 ? one : many}`;

/** Lays out `days` (each with one value per series) as a horizontal grouped bar chart scaled to the largest value. */
export function dayChart(id: string, title: string, series: SeriesSpec[], days: Array<{ day: string; values: number[] }>): Chart {
  const rows = buckets(days);
  const max = Math.max(1, ...rows.flatMap((r) => r.values));
  const plot = WIDTH - LEFT - RIGHT;
  const rowHeight = series.length * BAR + GAP;
  const r2 = (v: number) => +v.toFixed(2);
  const laidOut = rows.map((row, i) => {
    const top = LEGEND + i * rowHeight;
    return {
      label: row.label,
      labelY: r2(top + (series.length * BAR) / 2 + FONT / 3),
      bars: series.map((s, k) => {
        const value = row.values[k] ?? 0;
        const width = r2((value / max) * plot);
        const when = row.first === row.last ? row.first : `${row.first} to ${row.last}`;
        return { x: LEFT, y: top + k * BAR, width, height: BAR - 1, value, valueX: r2(LEFT + width + 4), textY: r2(top + k * BAR + BAR - 1.5), fill: s.fill, title: `${when}: ${plural(value, s.noun)}` };
      }),
    };
  });
  const totals = series.map((s, k) => plural(rows.reduce((n, r) => n + (r.values[k] ?? 0), 0), s.noun));
  const description = days.length
    ? `${title} from ${days[0]!.day} to ${days.at(-1)!.day}${rows.length < days.length ? ', by week' : ''}: ${series.map((s, k) => `${s.name}, ${totals[k]} in all`).join('; ')}. The same figures, day by day, are in the table under the chart.`
    : 'No days to show.';
  return {
    id, title, width: WIDTH, height: LEGEND + rows.length * rowHeight, left: LEFT, rows: laidOut, description,
    legend: series.map((s, k) => ({ x: LEFT + k * 150, name: s.name, fill: s.fill })),
  };
}
