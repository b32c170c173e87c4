import { pino, type Logger } from 'pino';

export type { Logger };

/** Structured JSON logs on stdout; tests pass level "silent". */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { app: 'shelfmark' },
    // Never log what could identify a member: cookies, addresses, forms.
    redact: { paths: ['req.headers.cookie', 'res.headers["set-cookie"]', 'email', 'pin'], remove: true },
  });
}
