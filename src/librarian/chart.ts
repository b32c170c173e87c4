import type { DayRow } from './demand-report.js';

const WIDTH = 720;
const HEIGHT = 240;
const LEFT = 48;
const BOTTOM = 28;
const TOP_PAD = 12;

export interface Bar {
  x: number;
  y: number;
  width: number;
  height: number;
  /** Shown as the bar's tooltip (an SVG <title>). */
  label: string;
}

/** The geometry of the searches-per-day bar chart; the template only draws it. */
export interface Chart {
  width: number;
  height: number;
  bars: Bar[];
  /** Horizontal grid lines with their values. */
  ticks: Array<{ y: number; value: number }>;
  /** Day labels under the first, middle and last bars. */
  labels: Array<{ x: number; text: string }>;
  baseline: number;
  left: number;
  /** Read out by screen readers instead of the drawing. */
  description: string;
}

/** A round step so that 3 to 5 grid lines cover `max`. */
function step(max: number): number {
  const rough = Math.max(1, max / 4);
  const power = 10 ** Math.floor(Math.log10(rough));
  return ([1, 2, 5, 10].find((m) => m * power >= rough) ?? 10) * power;
}

/** Lays out one bar per day, scaled to the busiest day. */
export function searchesChart(days: DayRow[]): Chart {
  const max = Math.max(0, ...days.map((d) => d.searches));
  const unit = step(max);
  const top = Math.max(unit, Math.ceil(max / unit) * unit);
  const plot = HEIGHT - BOTTOM - TOP_PAD;
  const baseline = HEIGHT - BOTTOM;
  const slot = (WIDTH - LEFT) / Math.max(days.length, 1);
  const scale = (v: number) => (v / top) * plot;
  const bars = days.map((d, i) => ({
    x: +(LEFT + i * slot + slot * 0.15).toFixed(2),
    y: +(baseline - scale(d.searches)).toFixed(2),
    width: +(slot * 0.7).toFixed(2),
    height: +scale(d.searches).toFixed(2),
    label: `${d.day}: ${d.searches} ${d.searches === 1 ? 'search' : 'searches'}`,
  }));
  const ticks = [];
  for (let v = 0; v <= top; v += unit) ticks.push({ y: +(baseline - scale(v)).toFixed(2), value: v });
  const labelAt = [...new Set([0, Math.floor((days.length - 1) / 2), days.length - 1])].filter((i) => i >= 0 && days[i]);
  const labels = labelAt.map((i) => ({ x: +(LEFT + i * slot + slot / 2).toFixed(2), text: days[i]!.day }));
  const busiest = days.reduce<DayRow | undefined>((best, d) => (!best || d.searches > best.searches ? d : best), undefined);
  const total = days.reduce((n, d) => n + d.searches, 0);
  const description = days.length
    ? `Bar chart of searches per day from ${days[0]!.day} to ${days.at(-1)!.day}: ${total} searches in all` +
      (busiest && busiest.searches ? `, the busiest day ${busiest.day} with ${busiest.searches}.` : ', none on any day.') +
      ' The same figures are in the table beside the chart.'
    : 'No days to show.';
  return { width: WIDTH, height: HEIGHT, bars, ticks, labels, baseline, left: LEFT, description };
}
