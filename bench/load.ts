import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';
import { openBasketSessions, type BasketSession } from './basket-sessions.js';

/** What to load: a JSON file named in argv[2] by bench/measure-pages.ts. */
export interface LoadPlan {
  url: string;
  connections: number;
  /** Seconds of load that are measured, after `warmup` seconds that are not. */
  duration: number;
  warmup: number;
  /** Paths requested in turn by all connections (`fixed` and `paths`), or the record ids basket adds cycle through. */
  paths?: string[];
  basketIds?: string[];
}

/** One measured run: throughput, latency, failures; for basket adds, what each session was told was added. */
export interface LoadResult {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  requests: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  sessions?: Array<{ id: string; acknowledged: string[] }>;
}

/** Spreads requests over the list without every connection asking for the same item at once. */
function cycle(list: string[]): () => string {
  let i = 0;
  return () => list[(i++ * 7919) % list.length]!;
}

function run(plan: LoadPlan, seconds: number, sessions: BasketSession[] | undefined): Promise<autocannon.Result> {
  const common = { url: plan.url, connections: plan.connections, duration: seconds, timeout: 30 };
  if (!sessions) {
    const next = cycle(plan.paths ?? ['/']);
    return autocannon({ ...common, requests: [{ setupRequest: (req) => ({ ...req, path: next() }) }] });
  }
  const nextId = cycle(plan.basketIds ?? []);
  let assigned = 0;
  const byToken = new Map(sessions.map((s) => [s.csrfToken, s]));
  return autocannon({
    ...common,
    // Each connection is one visitor: its own session cookie and CSRF token, kept for the whole run.
    setupClient: (client) => {
      const s = sessions[assigned++ % sessions.length]!;
      client.setHeaders({ cookie: s.cookie, 'x-csrf-token': s.csrfToken, accept: 'application/json', 'content-type': 'application/json' });
    },
    requests: [{
      method: 'POST',
      path: '/basket/add',
      setupRequest: (req) => ({ ...req, body: JSON.stringify({ id: nextId() }) }),
      onResponse: (status, body) => {
        if (status !== 200) return;
        const reply = JSON.parse(body) as { changed: string[]; csrfToken: string };
        byToken.get(reply.csrfToken)?.acknowledged.push(...reply.changed);
      },
    }],
  });
}

async function main(plan: LoadPlan): Promise<LoadResult> {
  const sessions = plan.basketIds ? await openBasketSessions(plan.url, plan.connections, plan.basketIds) : undefined;
  if (plan.warmup > 0) await run(plan, plan.warmup, sessions);
  const result = await run(plan, plan.duration, sessions);
  return {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    ...(sessions ? { sessions: sessions.map((s) => ({ id: s.id, acknowledged: s.acknowledged })) } : {}),
  };
}

main(JSON.parse(readFileSync(process.argv[2] ?? '', 'utf8')) as LoadPlan).then(
  (result) => process.stdout.write(`${JSON.stringify(result)}\n`),
  (error) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
