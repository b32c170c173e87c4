import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

/** A script run by node: TypeScript through tsx, as `npm start` runs the server; JavaScript as it is. */
export function spawnScript(script: string, args: string[], env: NodeJS.ProcessEnv = {}, nodeArgs: string[] = []): ChildProcess {
  const loader = script.endsWith('.ts') ? ['--import', 'tsx'] : [];
  return spawn(process.execPath, [...nodeArgs, ...loader, script, ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** Run a script to the end and parse the JSON line it prints. */
export async function runScript<T>(script: string, args: string[]): Promise<T> {
  const child = spawnScript(script, args);
  let out = '';
  let err = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  if (code !== 0) throw new Error(`${script} ${args.join(' ').slice(0, 200)} exited with ${code}: ${err.slice(-2000)}`);
  return JSON.parse(out.trim().split('\n').pop()!) as T;
}

/** Resident memory of a process now, in MB. */
export function rssMb(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS:'));
  return Number(line?.replace(/\D/g, '') ?? 0) / 1024;
}

/** Poll `url` until it answers 200; returns ms since `since` (a performance.now() reading). */
export async function firstPage(url: string, since: number, child: ChildProcess, limitMs = 120_000): Promise<number> {
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode} before serving ${url}`);
    try {
      const response = await fetch(url);
      await response.arrayBuffer();
      if (response.status === 200) return performance.now() - since;
    } catch {
      // not listening yet
    }
    if (performance.now() - since > limitMs) throw new Error(`${url} did not answer within ${limitMs} ms`);
    await sleep(10);
  }
}

/** SIGTERM and wait for the exit, so the next measurement has the machine to itself. */
export async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}
