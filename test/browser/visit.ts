import assert from 'node:assert/strict';
import type { BrowserContext, BrowserContextOptions, Cookie, Page } from 'playwright-core';
import { checkAccessibility, checkCookies, checkLandmarks, checkNarrow, checkTargetSizes, NARROW, type CookieLedger } from './checks.js';
import type { Site } from './harness.js';
import type { ServedPages } from './served-pages.js';

/**
 * One browser (context) visiting the site. Every step is followed by the
 * whole set of checks: cookies against the registry, axe at WCAG 2.2 AA,
 * 360 px without sideways scrolling, and no script or CSP errors; the
 * served HTML is kept for the Nu HTML Checker.
 */
export class Visit {
  private readonly errors: string[] = [];

  /** With scripts off axe cannot run in the page itself, so it runs on a scripted copy of the same HTML. */
  private mirror?: Page;

  private constructor(
    readonly site: Site,
    readonly context: BrowserContext,
    readonly page: Page,
    private readonly ledger: CookieLedger,
    private readonly scripted: boolean,
    private readonly served: ServedPages,
  ) {
    page.on('pageerror', (err) => this.errors.push(`script error: ${err.message}`));
    page.on('console', (msg) => {
      if (msg.type() === 'error') this.errors.push(`console: ${msg.text()}`);
    });
  }

  /** A fresh browser context (no cookies, no history) on the suite's Chromium. */
  static async open(site: Site, served: ServedPages, ledger: CookieLedger, options: BrowserContextOptions = {}): Promise<Visit> {
    const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
    return Visit.in(site, served, ledger, context, options.javaScriptEnabled !== false);
  }

  /** A visit in a context made elsewhere (the cookie-blocking browser). */
  static async in(site: Site, served: ServedPages, ledger: CookieLedger, context: BrowserContext, scripted = true): Promise<Visit> {
    const page = await context.newPage();
    // A step that cannot find what it looks for should fail in seconds, not half a minute.
    page.setDefaultTimeout(10_000);
    served.watch(page);
    return new Visit(site, context, page, ledger, scripted, served);
  }

  /** axe needs timers, which a page without scripts never runs: check a scripted copy of the same document. */
  private async accessibility(name: string): Promise<void> {
    if (this.scripted) return checkAccessibility(this.page, name);
    if (!this.mirror) this.mirror = await (await this.site.browser.newContext({ viewport: this.page.viewportSize()! })).newPage();
    await this.mirror.setViewportSize(this.page.viewportSize()!);
    const html = await this.page.content();
    const url = this.page.url();
    await this.mirror.route(url, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: html }));
    await this.mirror.goto(url);
    await this.mirror.unroute(url);
    await checkAccessibility(this.mirror, `${name} (scripted copy)`);
  }

  /** Landmarks (axe best practice) and target sizes (SC 2.5.8), at the page's current width; both need the real page, scripted or not. */
  private async layout(name: string): Promise<void> {
    const page = this.scripted ? this.page : this.mirror!;
    if (!this.scripted) await page.setViewportSize(this.page.viewportSize()!);
    await checkLandmarks(page, name);
    await checkTargetSizes(page, name);
  }

  /** The site's address for a path. */
  url(path: string): string {
    return `${this.site.origin}${path}`;
  }

  /** Do one thing a visitor does, then run every check on where it left them. */
  async step(name: string, action: (page: Page) => Promise<unknown>, expected: { status?: number } = {}): Promise<Cookie[]> {
    await action(this.page);
    await this.page.waitForLoadState('load');
    const logged = this.site.takeServerProblems();
    const browserErrors = this.errors.splice(0);
    assert.deepEqual(logged, [], `${name}: the server logged problems`);
    const cookies = await checkCookies(this.context, name, this.ledger);
    await this.accessibility(name);
    await this.layout(name);
    await checkNarrow(this.page, name);
    const wide = this.page.viewportSize();
    await this.page.setViewportSize(NARROW);
    try {
      await this.accessibility(`${name} at ${NARROW.width} px`);
      await this.layout(`${name} at ${NARROW.width} px`);
    } finally {
      if (wide) await this.page.setViewportSize(wide);
    }
    // The browser logs an error status of the page itself; a step that expects it says so.
    const errors = browserErrors.filter((e) => !(expected.status && e.includes(`status of ${expected.status} `)));
    assert.deepEqual(errors, [], `${name}: errors in the browser on ${this.page.url()}`);
    return cookies;
  }

  /** Go to a path as a step. */
  async go(name: string, path: string): Promise<Cookie[]> {
    return this.step(name, (page) => page.goto(this.url(path)));
  }

  async cookie(name: string): Promise<Cookie | undefined> {
    return (await this.context.cookies()).find((c) => c.name === name);
  }

  async close(): Promise<void> {
    await this.served.settle();
    await this.mirror?.context().close();
    await this.context.close();
  }
}
