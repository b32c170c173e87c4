import { Writable } from 'node:stream';
import { pino } from 'pino';
import type { Logger } from '../../src/http/logger.js';

/** A pino logger at debug level writing JSON lines into memory, without redaction, so a test sees everything the code hands its logger. */
export function memoryLogger(): { logger: Logger; text(): string; lines(): Array<Record<string, unknown>> } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString('utf8'));
      done();
    },
  });
  const logger = pino({ level: 'debug', base: { app: 'shelfmark' } }, stream);
  const text = () => chunks.join('');
  return { logger, text, lines: () => text().split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>) };
}
