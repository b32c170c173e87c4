/** Event-loop delay of the served process over one load, in ms (monitored-server.mjs). */
export interface LoopDelay {
  p99: number;
  max: number;
  /** The window's longest turn: how late it made a 10 ms timer, the requests begun in it, and V8's garbage collection in it. */
  longest?: { lateMs: number; requests: number; gcMs: number };
}

/** Starts a fresh window on the server's event-loop histogram. */
export async function resetLoopDelay(url: string): Promise<void> {
  await (await fetch(`${url}/reset`)).arrayBuffer();
}

/** The server's event-loop delay since the last reset. */
export async function readLoopDelay(url: string): Promise<LoopDelay> {
  return (await (await fetch(`${url}/read`)).json()) as LoopDelay;
}
