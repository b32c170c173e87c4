import os from 'node:os';
import { z } from 'zod';
import { parseTrustProxy, type TrustProxy } from './trust-proxy.js';

const boolean = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'must be true or false' })
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

/**
 * The site's address as members reach it, for links in mail: http(s), no
 * credentials, query or fragment; kept without a trailing slash.
 */
const publicUrl = z
  .string()
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === 'https:' || url.protocol === 'http:') && !url.username && !url.password && !url.search && !url.hash;
    } catch {
      return false;
    }
  }, 'must be the http:// or https:// address members use, e.g. https://catalogue.example.org, without a query or #fragment')
  .transform((value) => {
    const url = new URL(value);
    return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
  });

/** Every environment variable Shelfmark reads; documented in .env.example. */
export const ConfigSchema = z.object({
  PORT: z.coerce.number({ message: 'must be a port number' }).int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATA_DIR: z.string().min(1).default('./data'),
  BRANCHES_FILE: z.string().min(1).optional(),
  MONGODB_URL: z
    .string()
    .regex(/^mongodb(\+srv)?:\/\//, 'must start with mongodb:// or mongodb+srv://')
    .optional(),
  /** `atlas`: search with MongoDB Search ($search, Atlas or Community 8.2+ with mongot); `text`: the $text index. */
  MONGODB_SEARCH: z.enum(['text', 'atlas'], { message: 'must be text or atlas' }).default('text'),
  SESSION_IDLE_MINUTES: z.coerce.number({ message: 'must be a number of minutes' }).int().min(1).max(24 * 60).default(30),
  BASKET_LIMIT: z.coerce.number({ message: 'must be a whole number' }).int().min(1).max(10_000).default(250),
  RESERVATION_LIMIT: z.coerce.number({ message: 'must be a whole number' }).int().min(1).max(1000).default(10),
  /** Days a checked-in hold waits on the hold shelf before the daily job offers its copy to the next member. */
  HOLD_SHELF_DAYS: z.coerce.number({ message: 'must be a whole number of days' }).int().min(1).max(60).default(7),
  TRUST_PROXY: z
    .string()
    .transform((raw, ctx): TrustProxy => {
      const parsed = parseTrustProxy(raw);
      if (typeof parsed === 'string') {
        ctx.addIssue({ code: 'custom', message: parsed });
        return z.NEVER;
      }
      return parsed;
    })
    .default({ kind: 'none' }),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SEED_DEMO: boolean.default(true),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/[^/]/, 'must be an smtp:// or smtps:// URL, e.g. smtp://user:password@mail.example.org:587')
    .optional(),
  MAIL_FROM: z.string().min(3).default('Shelfmark library catalogue <catalogue@localhost>'),
  /** Links in mail are built from this, never from the request's Host header; required with SMTP_URL. */
  PUBLIC_URL: publicUrl.optional(),
  EMAIL_HOURLY_LIMIT: z.coerce.number({ message: 'must be a whole number of emails' }).int().min(1).max(100_000).default(100),
  IMPORT_MAX_MB: z.coerce.number({ message: 'must be a whole number of megabytes' }).int().min(1).max(4096).default(50),
  // Searches run on this many worker threads (0: on the serving thread), each stopped after SEARCH_TIME_BUDGET_MS.
  SEARCH_WORKERS: z.coerce.number({ message: 'must be a whole number' }).int().min(0).max(64).default(os.availableParallelism()),
  // Results pages are rendered on this many worker threads (0: on the serving thread).
  RENDER_WORKERS: z.coerce.number({ message: 'must be a whole number' }).int().min(0).max(64).default(1),
  SEARCH_TIME_BUDGET_MS: z.coerce.number({ message: 'must be a whole number of milliseconds' }).int().min(100).max(600_000).default(10_000),
  // Catalogue pages kept for visitors without a visit, checked fresh on every use (0: none kept).
  PAGE_CACHE_MB: z.coerce.number({ message: 'must be a whole number of megabytes' }).int().min(0).max(4096).default(64),
  AUDIT_RETENTION_DAYS: z.coerce.number({ message: 'must be a whole number of days' }).int().min(1).max(3650).default(90),
  SEARCH_LOG_RETENTION_DAYS: z.coerce.number({ message: 'must be a whole number of days' }).int().min(1).max(3650).default(365),
});

export type Config = z.infer<typeof ConfigSchema>;

/** A configuration problem, naming each variable and what is allowed. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Variables whose values may hold a password: never echoed in full. */
const SECRETS = new Set(['MONGODB_URL', 'SMTP_URL']);

/** A value as an error message may show it: URLs without their password. */
function shown(name: string, value: string | undefined): string {
  if (!SECRETS.has(name) || value === undefined) return JSON.stringify(value);
  return JSON.stringify(value.replace(/\/\/([^/@]*)@/, (_, auth: string) => `//${auth.split(':')[0]}:***@`));
}

/** Read and validate the configuration once, at boot. Empty strings count as unset. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const present = Object.fromEntries(
    Object.keys(ConfigSchema.shape)
      .map((key) => [key, env[key]] as const)
      .filter(([, value]) => value !== undefined && value !== ''),
  );
  const parsed = ConfigSchema.safeParse(present);
  if (parsed.success && (parsed.data.PUBLIC_URL || !parsed.data.SMTP_URL)) return parsed.data;
  const lines = parsed.success
    ? ['  PUBLIC_URL is not set: with SMTP_URL set it is required, because links in basket emails are built from it (e.g. PUBLIC_URL=https://catalogue.example.org)']
    : parsed.error.issues.map((issue) => {
      const name = String(issue.path[0]);
      return `  ${name}=${shown(name, env[name])}: ${issue.message}`;
    });
  throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
}
