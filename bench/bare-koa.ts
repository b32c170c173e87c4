import Koa from 'koa';

/**
 * The ceiling: a koa app that answers every request with a fixed string and
 * does nothing else. No Shelfmark page can be faster on the same machine.
 * Run as its own process: `bare-koa.ts <port>`.
 */
const app = new Koa();
app.use((ctx) => {
  ctx.body = 'Hello from bare koa';
});
const port = Number(process.argv[2] ?? 3999);
app.listen(port, '127.0.0.1', () => process.stdout.write(`listening on ${port}\n`));
process.on('SIGTERM', () => process.exit(0));
