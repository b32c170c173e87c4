import cliProgress from 'cli-progress';
import type { ImportCounts } from '../storage/import-run-store.js';

/** Shows how an import is going: a bar with records/s and ETA on a terminal, a plain line every few seconds otherwise. */
export interface Progress {
  update(counts: ImportCounts, bytesRead: number): void;
  stop(): void;
}

const PLAIN_EVERY_MS = 2000;

/** Progress for one file of `totalBytes`, written to `out`. */
export function createProgress(out: NodeJS.WritableStream & { isTTY?: boolean }, label: string, totalBytes: number, now = () => Date.now()): Progress {
  const started = now();
  const rate = (read: number) => Math.round(read / Math.max((now() - started) / 1000, 0.001));
  if (out.isTTY) {
    const bar = new cliProgress.SingleBar(
      { stream: out, format: `${label} {bar} {percentage}% | {read} records | {rate} records/s | ETA {eta_formatted}`, etaBuffer: 50, hideCursor: true },
      cliProgress.Presets.shades_classic,
    );
    bar.start(totalBytes, 0, { read: 0, rate: 0 });
    return {
      update: (counts, bytes) => bar.update(Math.min(bytes, totalBytes), { read: counts.read, rate: rate(counts.read) }),
      stop: () => bar.stop(),
    };
  }
  let last = started;
  return {
    update(counts, bytes) {
      if (now() - last < PLAIN_EVERY_MS) return;
      last = now();
      const percent = totalBytes ? Math.floor((100 * bytes) / totalBytes) : 0;
      out.write(`${label}: ${counts.read} records read (${percent}%), ${counts.rejected} rejected, ${rate(counts.read)} records/s\n`);
    },
    stop() {},
  };
}
