import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestContext } from 'node:test';
import supertest from 'supertest';
import { createApp } from '../../src/app.js';
import { loadConfig, type Config } from '../../src/config/config.js';
import { createLogger, type Logger } from '../../src/http/logger.js';
import { createMailer, type Mailer } from '../../src/mail/mailer.js';
import { openEmbeddedStore } from '../../src/storage/embedded/index.js';
import type { CatalogueRecord } from '../../src/model/record.js';
import type { Store } from '../../src/storage/store.js';
import { catalogue } from '../storage/fixtures.js';
import type { PinVerifier } from '../../src/http/deps.js';
import type { RenderElsewhere } from '../../src/http/render.js';

/** A clock tests can move forward; no test ever sleeps. */
export class TestClock {
  constructor(public now = Date.parse('2026-11-23T10:00:00Z')) {}
  readonly read = () => this.now;
  advanceMinutes(minutes: number): void {
    this.now += minutes * 60_000;
  }
}

export interface Built {
  app: ReturnType<typeof createApp>;
  store: Store;
  clock: TestClock;
  config: Config;
  dataDir: string;
  /** A cookie-keeping client, like one browser. */
  browser: () => supertest.Agent;
  /** A client that never sends cookies back, like a browser that refuses them. */
  request: () => ReturnType<typeof supertest>;
}

interface BuildOptions {
  records?: CatalogueRecord[];
  env?: Record<string, string>;
  dataDir?: string;
  /** A logger whose output the test reads (see memoryLogger); silent when not given. */
  logger?: Logger;
  /** A fake mailer; by default the real SMTP one from SMTP_URL, as server.ts builds it. */
  mailer?: Mailer;
  /** Search on this many worker threads, each search stopped after searchBudgetMs (default: on the test's thread). */
  searchWorkers?: number;
  searchBudgetMs?: number;
  /** What the app sees of the store: lets a test hold a call open or count writes (the real store still does the work). */
  wrapStore?: (store: Store) => Store;
  /** A PIN verifier to use instead of the real one (e.g. one that counts checks). */
  pins?: PinVerifier;
  /** Where heavy pages are rendered (a render pool, or a stand-in); by default on the test's thread. */
  renderElsewhere?: RenderElsewhere;
}

/** Start the app on a fresh embedded store in a temp dir; closed and removed after the test. */
export async function build(t: TestContext, options: BuildOptions = {}): Promise<Built> {
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'shelfmark-test-'));
  const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', ...options.env });
  const store = await openEmbeddedStore({ dataDir, searchWorkers: options.searchWorkers, searchBudgetMs: options.searchBudgetMs });
  await store.records.upsertMany(options.records ?? catalogue);
  const clock = new TestClock();
  const logger = options.logger ?? createLogger('silent');
  const app = createApp({ config, store: options.wrapStore?.(store) ?? store, logger, clock: clock.read, mailer: options.mailer ?? createMailer(config, logger), pins: options.pins,
    renderElsewhere: options.renderElsewhere });
  t.after(async () => {
    await store.close();
    if (!options.dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });
  const server = app.callback();
  return {
    app, store, clock, config, dataDir,
    browser: () => supertest.agent(server),
    request: () => supertest(server),
  };
}

/** A gate a wrapped store call waits at: `reached` resolves when a call arrives, `open()` lets it through. */
export function gate() {
  let arrive!: () => void;
  let release!: () => void;
  const reached = new Promise<void>((resolve) => (arrive = resolve));
  const opened = new Promise<void>((resolve) => (release = resolve));
  return {
    reached,
    open: () => release(),
    /** Called by the wrapped store: says it arrived, then waits to be let through. */
    async pass(): Promise<void> {
      arrive();
      await opened;
    },
  };
}

/** The Set-Cookie header of a response for one cookie name, if set. */
export function setCookie(res: { headers: Record<string, unknown> }, name: string): string | undefined {
  const raw = res.headers['set-cookie'];
  const list = Array.isArray(raw) ? raw : typeof raw === 'string' ? [raw] : [];
  return list.find((c: string) => c.startsWith(`${name}=`));
}

/** The first status message on a page, as text. */
export function flashText(html: string): string | undefined {
  return /<p class="flash[^"]*">([^<]*)<\/p>/.exec(html)?.[1];
}

/** The form token the visit's pages carry (empty before the visit has a session). */
export async function csrfOf(visitor: supertest.Agent): Promise<string> {
  const page = await visitor.get('/basket');
  return /<meta name="csrf-token" content="([^"]*)">/.exec(page.text)?.[1] ?? '';
}

/** Submit a form as the member's browser would: with the token of its current page. */
export async function submit(
  visitor: supertest.Agent,
  path: string,
  fields: Record<string, unknown> = {},
  options: { accept?: string; status?: number } = {},
) {
  const _csrf = await csrfOf(visitor);
  const res = await visitor.post(path).set('Accept', options.accept ?? 'text/html').type('form').send({ ...fields, _csrf });
  if (options.status !== undefined && res.status !== options.status) {
    throw new Error(`POST ${path} answered ${res.status}, expected ${options.status}: ${res.text.slice(0, 300)}`);
  }
  return res;
}
