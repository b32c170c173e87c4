import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { after, before } from 'node:test';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { createApp } from '../../src/app.js';
import { loadConfig } from '../../src/config/config.js';
import { pino } from 'pino';
import { loadDemoCatalogue } from '../../src/import/demo.js';
import { seedDemoMembers } from '../../src/members/demo-members.js';
import { openEmbeddedStore } from '../../src/storage/embedded/index.js';
import type { Store } from '../../src/storage/store.js';
import { ServedPages } from './served-pages.js';

/** Debian's Chromium; playwright's own browser downloads are never used. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run',
];

/** The app on a free port of 127.0.0.1, over a fresh data dir with the demo catalogue and demo members, and a browser to visit it. */
export interface Site {
  origin: string;
  store: Store;
  browser: Browser;
  /** Warnings and errors the server logged since the last call (a failed request names its cause here). */
  takeServerProblems(): string[];
  /** Moves the server's clock forward (the app's injected clock; the browser keeps its own). */
  advanceMinutes(minutes: number): void;
  close(): Promise<void>;
}

/**
 * A browser whose own settings block every cookie (Chromium's "Block all
 * cookies", set in a fresh profile), as a member who turned cookies off has.
 */
export async function launchCookielessBrowser(): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'shelfmark-nocookies-'));
  fs.mkdirSync(path.join(profile, 'Default'));
  const preferences = { profile: { default_content_setting_values: { cookies: 2 } } };
  fs.writeFileSync(path.join(profile, 'Default', 'Preferences'), JSON.stringify(preferences));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true, viewport: { width: 1280, height: 900 },
  });
  return {
    context,
    async close() {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Start Shelfmark in-process and launch Chromium; `close` undoes both and removes the data dir. */
export async function startSite(): Promise<Site> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shelfmark-browser-'));
  const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', HOST: '127.0.0.1', PORT: '0' });
  const store = await openEmbeddedStore({ dataDir });
  await loadDemoCatalogue(store);
  await seedDemoMembers(store);
  const problems: string[] = [];
  const logger = pino({ level: 'warn' }, {
    write(line: string) {
      const entry = JSON.parse(line) as { msg?: string; err?: { message?: string } };
      problems.push([entry.msg, entry.err?.message].filter(Boolean).join(': '));
    },
  });
  let offset = 0;
  const app = createApp({ config, store, logger, clock: () => Date.now() + offset });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  return {
    origin: `http://127.0.0.1:${port}`,
    store,
    browser,
    takeServerProblems: () => problems.splice(0),
    advanceMinutes: (minutes) => { offset += minutes * 60_000; },
    async close() {
      await browser.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await store.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * The site one test file drives: started before its tests and closed after
 * them. Tests read `file.site`, which exists once `before` has run;
 * `file.served` collects the pages the file saw, for vnu.
 */
export function siteForFile(): { readonly site: Site; readonly served: ServedPages } {
  let site: Site | undefined;
  const served = new ServedPages();
  before(async () => {
    site = await startSite();
  });
  after(async () => {
    await site?.close();
  });
  return {
    get site(): Site {
      if (!site) throw new Error('the site starts in before(); read file.site inside a test');
      return site;
    },
    served,
  };
}
