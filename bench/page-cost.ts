import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import path from 'node:path';
import { firstPage, spawnScript, stop } from './child-process.js';
import type { MixedQuery } from './query-mix.js';

/**
 * What a page costs the server's CPU, end to end (HTTP, session, store,
 * rendering; main thread and search workers together), apart from whatever
 * else the machine runs: `page-cost.ts <bench/data/N>` starts Shelfmark on the
 * imported store, asks for each page one at a time, and reads the server
 * process's own CPU time (/proc/PID/stat) around each pass. The search mix is
 * asked three times: the first pass reads postings; the later ones are what a
 * repeated search costs. Prints CPU milliseconds per request. With
 * PAGE_COST_PROFILE=<dir>, the server writes V8 CPU profiles there (one per
 * thread) when it stops.
 */
const dir = process.argv[2] ?? 'bench/data/100000';
const port = Number(process.argv[3] ?? 3990);
const { queries } = JSON.parse(readFileSync(path.join(dir, 'meta.json'), 'utf8')) as { queries: MixedQuery[] };
const url = `http://127.0.0.1:${port}`;
const server = spawnScript(path.join(import.meta.dirname, '../src/server.ts'), [], {
  PORT: String(port), HOST: '127.0.0.1', DATA_DIR: path.join(dir, 'store-marc'), SEED_DEMO: 'false', LOG_LEVEL: 'warn',
}, process.env.PAGE_COST_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.PAGE_COST_PROFILE}`] : []);
server.stderr!.on('data', (d: Buffer) => process.stderr.write(`[shelfmark] ${d.toString()}`));
const agent = new Agent({ keepAlive: true, maxSockets: 1 });
const ticks = () => {
  const fields = readFileSync(`/proc/${server.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return Number(fields[11]) + Number(fields[12]);
};
const TICK_MS = 10; // USER_HZ is 100 on Linux

function get(p: string): Promise<number> {
  return new Promise((resolve, reject) => {
    request(`${url}${p}`, { agent }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    }).on('error', reject).end();
  });
}

async function pass(paths: string[]): Promise<number> {
  const before = ticks();
  for (const p of paths) {
    const status = await get(p);
    if (status !== 200) throw new Error(`${p} answered ${status}`);
  }
  return ((ticks() - before) * TICK_MS) / paths.length;
}

try {
  await firstPage(`${url}/`, performance.now(), server);
  const searches = queries.map((q) => q.path);
  const records = Array.from({ length: 500 }, (_, i) => `/record/bm${i * 7 + 3}`);
  const out = {
    dir,
    searchFirst: await pass(searches),
    searchAgain: await pass(searches),
    searchThird: await pass(searches),
    record: await pass([...records, ...records]),
    home: await pass(Array.from({ length: 200 }, () => '/')),
  };
  process.stdout.write(`${JSON.stringify(out)}\n`);
} finally {
  agent.destroy();
  await stop(server);
}
