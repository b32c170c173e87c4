import { Worker, type WorkerOptions } from 'node:worker_threads';

/**
 * The URL of a module beside `here` (a caller's `import.meta.url`), with the
 * caller's own extension: `x.ts` under tsx, `x.js` once built.
 */
export function siblingModule(here: string, name: string): URL {
  return new URL(`./${name}${here.endsWith('.ts') ? '.ts' : '.js'}`, here);
}

/**
 * Start a worker thread running the module at `file`. A worker does not
 * inherit the tsx loader the server runs under (node 20 fails on the `.ts`
 * entry), so a `.ts` module is loaded through a two-line bootstrap that
 * registers tsx first; a built `.js` module is started directly.
 */
export function startWorker(file: URL, options: WorkerOptions = {}): Worker {
  if (!file.pathname.endsWith('.ts')) return new Worker(file, options);
  const tsx = import.meta.resolve('tsx/esm/api');
  const boot = `import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(file.href)}); });`;
  return new Worker(boot, { ...options, eval: true });
}
