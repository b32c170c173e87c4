import Koa from 'koa';

/**
 * The ceiling: a koa app that answers every request with a fixed string and
 * does nothing else. No Shelfmark page can be faster on the same machine.
 * Run as its own process: `bare-koa.ts <port> [bytes]`; with `bytes`, the
 * string is an HTML page of that size, which shows what sending a page as big
 * as Shelfmark's costs by itself.
 */
const bytes = Number(process.argv[3] ?? 0);
const body = bytes > 0 ? Buffer.from(`<!doctype html><p>${'x'.repeat(Math.max(0, bytes - 18))}`) : 'Hello from bare koa';
const app = new Koa();
app.use((ctx) => {
  if (bytes > 0) ctx.type = 'html';
  ctx.body = body;
});
const port = Number(process.argv[2] ?? 3999);
app.listen(port, '127.0.0.1', () => process.stdout.write(`listening on ${port}\n`));
process.on('SIGTERM', () => process.exit(0));
