import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { BenchResults, SizeResult } from './run.js';
import { PAGE_BYTES, type MeasuredLoad } from './measure-pages.js';
import type { LoopDelay } from './loop-delay.js';

const int = (n: number) => Math.round(n).toLocaleString('en-GB');
const ms = (n: number) => (n < 10 ? n.toFixed(1) : int(n));
const ratio = (n: number) => n.toFixed(n < 0.1 ? 3 : 2);
const seconds = (n: number) => n.toFixed(2);
const records = (n: number) => (n >= 1e6 ? `${n / 1e6}M` : n >= 1e3 ? `${n / 1e3}k` : String(n));

function row(cells: Array<string | number>): string {
  return `| ${cells.join(' | ')} |`;
}

/** p99 / max, and what the longest turn held: requests begun in it, and GC in it (monitored-server.mjs). */
function loopCell(loop: LoopDelay): string {
  const turn = loop.longest ? `; longest turn ${ms(loop.longest.lateMs)}: ${loop.longest.requests} requests, GC ${ms(loop.longest.gcMs)}` : '';
  return `${ms(loop.p99)} / ${ms(loop.max)}${turn}`;
}

function loadRow(label: string, page: string, c: string, r: MeasuredLoad, koa: MeasuredLoad | undefined): string {
  const failures = r.non2xx + r.errors + r.timeouts;
  return row([label, page, c, int(r.requestsPerSecond), ms(r.p50), ms(r.p99), koa ? ratio(r.requestsPerSecond / koa.requestsPerSecond) : '1.00', failures,
    r.loop ? loopCell(r.loop) : '—']);
}

function goals(results: BenchResults): string[] {
  const at = (n: number) => results.sizes.find((s) => s.count === n);
  const koa = results.bareKoa;
  const lines = [row(['goal', 'reached', 'met']), row(['---', '---', '---'])];
  const add = (goal: string, reached: string, met: boolean) => lines.push(row([goal, reached, met ? 'yes' : '**no**']));
  const pageRatio = (s: SizeResult, page: 'search' | 'record' | 'basket', min: number, extra = true) => {
    const rs = Object.entries(s.served.pages[page]).map(([c, r]) => [c, r.requestsPerSecond / koa[c]!.requestsPerSecond] as const);
    add(`${page} ÷ bare koa ≥ ${min} (${records(s.count)})`, rs.map(([c, x]) => `${ratio(x)} at ${c}`).join(', '), extra && rs.every(([, x]) => x >= min));
  };
  const s100 = at(100_000);
  const s1m = at(1_000_000);
  const s10 = at(10_000);
  for (const s of [s100].filter(Boolean) as SizeResult[]) {
    pageRatio(s, 'search', 0.25);
    pageRatio(s, 'record', 0.5);
    pageRatio(s, 'basket', 0.4, s.basketCheck.lost === 0);
    lines[lines.length - 1] = lines[lines.length - 1]!.replace(/ \| (yes|\*\*no\*\*) \|$/, `, ${s.basketCheck.lost} lost | $1 |`);
    searchGoals(s, 50, add);
    const marc = s.imports?.marc21;
    if (marc) add('MARC21 import ≥ 20,000 records/s and ≥ 0.5 of parse-only (100k)',
      `${int(marc.import.recordsPerSecond)}/s, ${ratio(marc.import.recordsPerSecond / marc.parse.recordsPerSecond)} of parse-only`,
      marc.import.recordsPerSecond >= 20_000 && marc.import.recordsPerSecond >= 0.5 * marc.parse.recordsPerSecond);
  }
  if (s1m) {
    searchGoals(s1m, 150, add);
    if (s10) {
      // autocannon's latencies are whole milliseconds: a p50 of 0 is under 1 ms, and is counted as 1 ms here, not divided by.
      const p50 = (s: typeof s1m, c: string) => Math.max(1, s.served.pages.search[c]!.p50);
      const growth = Object.keys(s1m.served.pages.search).map((c) => [c, p50(s1m, c) / p50(s10, c)] as const);
      add('search p50 at 1M ÷ at 10k ≤ 5 (a p50 under 1 ms counted as 1 ms)', growth.map(([c, x]) => `${ratio(x)} at ${c}`).join(', '), growth.every(([, x]) => x <= 5));
    }
    const up = s1m.served.startup;
    add('start-up with 1M: first page < 3 s, idle < 500 MB', `${ms(up.firstPageMs / 1000)} s, ${int(up.idleRssMb)} MB`, up.firstPageMs < 3000 && up.idleRssMb < 500);
  }
  return lines;
}

/** Search p99 and record p99 under searches: as served by default, and with every search page worked out (PAGE_CACHE_MB=0). */
function searchGoals(s: SizeResult, limit: number, add: (goal: string, reached: string, met: boolean) => void): void {
  const runs = [['', s.served.pages.search, s.served.mixed] as const,
    ...(s.uncached ? [[', every page worked out', s.uncached.search, s.uncached.mixed] as const] : [])];
  for (const [how, search, mixed] of runs) {
    const p99 = search['50']!.p99;
    add(`search p99 at 50 connections < ${limit} ms (${records(s.count)}${how})`, `${ms(p99)} ms`, p99 < limit);
    if (mixed) add(`record p99 while 40 connections search < 50 ms (${records(s.count)}${how})`, `${ms(mixed.record.p99)} ms`, mixed.record.p99 < 50);
  }
}

/** The tables `npm run bench` prints, and the README's Performance section shows. */
export function markdownReport(results: BenchResults): string {
  const m = results.machine;
  const out = [
    `Shelfmark benchmark, ${m.date.slice(0, 16).replace('T', ' ')} UTC: ${m.cores} cores (${m.cpu}), ${m.memoryGb} GB memory, node ${m.node}; 1-minute load average ${m.loadAverage.start.toFixed(1)} at the start, ${m.loadAverage.end?.toFixed(1) ?? '?'} at the end.`,
    `Each figure is ${results.settings.timing.duration} s of load after ${results.settings.timing.warmup} s of warm-up. ${results.settings.note}`,
    '',
    row(['records', 'page', 'connections', 'req/s', 'p50 ms', 'p99 ms', '÷ bare koa', 'failed', 'event-loop delay p99 / max ms; the longest turn']),
    row(['---', '---', '---:', '---:', '---:', '---:', '---:', '---:', '---:']),
    ...Object.entries(results.bareKoa).map(([c, r]) => loadRow('—', 'bare koa (ceiling)', c, r, undefined)),
    ...Object.entries(results.bareKoaPage ?? {}).map(([c, r]) => loadRow('—', `bare koa sending ${PAGE_BYTES / 1000} KB of HTML`, c, r, results.bareKoa[c])),
  ];
  for (const s of results.sizes) {
    for (const page of ['search', 'record', 'basket'] as const) {
      for (const [c, r] of Object.entries(s.served.pages[page])) out.push(loadRow(records(s.count), page, c, r, results.bareKoa[c]));
    }
    for (const [c, r] of Object.entries(s.uncached?.search ?? {})) out.push(loadRow(records(s.count), 'search, every page worked out', c, r, results.bareKoa[c]));
  }
  out.push('', row(['records', 'format', 'import records/s', 'parse-only records/s', 'import ÷ parse', 'peak RSS import MB', 'peak RSS parse MB', 'first write at s', 'writes records/s', 'after the last write s', 'import CPU s', 'cores busy', 'cores busy while writing']),
    row(['---', '---', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:']));
  for (const s of results.sizes) {
    for (const [format, p] of Object.entries(s.imports ?? {})) {
      const phases = p.import.phases;
      out.push(row([records(s.count), format === 'json' ? 'NDJSON' : 'MARC21', int(p.import.recordsPerSecond), int(p.parse.recordsPerSecond),
        ratio(p.import.recordsPerSecond / p.parse.recordsPerSecond), int(p.import.peakRssMb), int(p.parse.peakRssMb),
        ...(phases ? [seconds(phases.firstWriteAt), int(phases.writingRecordsPerSecond), seconds(p.import.seconds - phases.lastWriteEndedAt)] : ['', '', '']),
        // Older results have no CPU figures.
        p.import.cpuSeconds === undefined ? '' : seconds(p.import.cpuSeconds), p.import.coresBusy === undefined ? '' : seconds(p.import.coresBusy),
        phases?.writingCoresBusy === undefined ? '' : seconds(phases.writingCoresBusy)]));
    }
  }
  out.push('', row(['records', 'first page ms', 'idle RSS MB', 'RSS after load MB', 'search one at a time ms', 'mix without results', 'basket adds acknowledged', 'lost']),
    row(['---', '---:', '---:', '---:', '---:', '---:', '---:', '---:']));
  for (const s of results.sizes) {
    const p = s.served.preflight;
    out.push(row([records(s.count), int(s.served.startup.firstPageMs), int(s.served.startup.idleRssMb), int(s.served.rssAfterLoadMb),
      ms(p.sequentialMs), `${p.noResults}/${p.queries}${p.failures.length ? ` (${p.failures.length} failed)` : ''}`, int(s.basketCheck.acknowledged), s.basketCheck.lost]));
  }
  const mixed = results.sizes.filter((s) => s.served.mixed);
  if (mixed.length) {
    out.push('', row(['records', 'record pages at 10 connections, while', 'record req/s', 'record p50 ms', 'record p99 ms', 'search req/s', 'search p99 ms', 'event-loop delay p99 / max ms; the longest turn']),
      row(['---', '---', '---:', '---:', '---:', '---:', '---:', '---:']));
    for (const s of mixed) {
      for (const [m, how] of [[s.served.mixed!, ''], ...(s.uncached ? [[s.uncached.mixed, ', every page worked out'] as const] : [])] as const) {
        out.push(row([records(s.count), `${m.searchConnections} connections search${how}`, int(m.record.requestsPerSecond), ms(m.record.p50), ms(m.record.p99),
          int(m.search.requestsPerSecond), ms(m.search.p99), loopCell(m.loop)]));
      }
    }
  }
  const broad = results.sizes.filter((s) => s.served.broad);
  if (broad.length) {
    out.push('', row(['records', 'broad query', 'hits', 'first asked ms', 'asked again ms (median of 5)']), row(['---', '---', '---:', '---:', '---:']));
    for (const s of broad) {
      for (const b of s.served.broad!) out.push(row([records(s.count), `${b.label} (\`${b.path}\`)`, int(b.total), ms(b.firstMs), ms(b.againMs)]));
      for (const b of s.uncached?.broad ?? []) out.push(row([records(s.count), `${b.label}, every page worked out (\`${b.path}\`)`, int(b.total), ms(b.firstMs), ms(b.againMs)]));
    }
  }
  const g = goals(results);
  return [...out, ...(g.length > 2 ? ['', ...g] : [])].join('\n');
}

// `tsx bench/report.ts <results.json>` prints the tables of a saved run, finished or not.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href && process.argv[2]) {
  process.stdout.write(`${markdownReport(JSON.parse(readFileSync(process.argv[2], 'utf8')) as BenchResults)}\n`);
}
