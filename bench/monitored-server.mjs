import { createServer } from 'node:http';
import { subscribe } from 'node:diagnostics_channel';
import { monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';

/**
 * Shelfmark's server as `npm run start:prod` runs it (the build in dist/,
 * plain node, no TypeScript loader), with its event loop watched: the bench reads how long the
 * loop was held up during each load. A second port in the same process answers
 * `/reset` (start a new window) and `/read` (the window's figures, in ms),
 * so reading the figures costs the loop what any request costs.
 *
 * Besides the histogram's p99 and max, the window's longest turn is told
 * apart: a 10 ms timer finds the turn that held it up longest, and says how
 * many requests the server began in that turn and how long V8 collected
 * garbage in it. A turn that began 50 requests is the loop taking in every
 * connection that was waiting, not one request stalling the others.
 */
const TICK_MS = 10;
const histogram = monitorEventLoopDelay({ resolution: TICK_MS });
histogram.enable();

let begun = 0;
subscribe('http.server.request.start', () => { begun++; });
/** Garbage collections not yet counted in a turn, by when they started (they are reported a little after). */
let collections = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) collections.push([entry.startTime, entry.duration]);
}).observe({ entryTypes: ['gc'] });

let longest = { lateMs: 0, requests: 0, gcMs: 0 };
let last = performance.now();
setInterval(() => {
  const now = performance.now();
  const lateMs = now - last - TICK_MS;
  const gcMs = collections.reduce((sum, [start, duration]) => (start >= last ? sum + duration : sum), 0);
  if (lateMs > longest.lateMs) longest = { lateMs, requests: begun, gcMs };
  last = now;
  begun = 0;
  collections = [];
}, TICK_MS).unref();

const port = Number(process.env.BENCH_LOOP_PORT ?? 0);
createServer((req, res) => {
  if (req.url === '/reset') {
    histogram.reset();
    longest = { lateMs: 0, requests: 0, gcMs: 0 };
  }
  const figures = { p99: histogram.percentile(99) / 1e6, max: histogram.max / 1e6, longest };
  res.setHeader('content-type', 'application/json');
  res.end(JSON.stringify(figures));
}).listen(port, '127.0.0.1');

await import('../dist/server.js');
