import { createServer } from 'node:http';
import { monitorEventLoopDelay } from 'node:perf_hooks';

/**
 * Shelfmark's server as `npm run start:prod` runs it (the build in dist/,
 * plain node, no TypeScript loader), with its event loop watched: the bench reads how long the
 * loop was held up during each load. A second port in the same process answers
 * `/reset` (start a new window) and `/read` (p99 and max of the window, in ms),
 * so reading the figures costs the loop what any request costs.
 */
const histogram = monitorEventLoopDelay({ resolution: 10 });
histogram.enable();
const port = Number(process.env.BENCH_LOOP_PORT ?? 0);
createServer((req, res) => {
  if (req.url === '/reset') histogram.reset();
  const figures = { p99: histogram.percentile(99) / 1e6, max: histogram.max / 1e6 };
  res.setHeader('content-type', 'application/json');
  res.end(JSON.stringify(figures));
}).listen(port, '127.0.0.1');

await import('../dist/server.js');
