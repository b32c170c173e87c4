import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { BrowserContext, Cookie, Page } from 'playwright-core';
import { declaredCookie } from '../../src/cookies/cookie-registry.js';

// In-page code below runs in Chromium; the project's tsconfig has no DOM lib (and must not, for server code), so
// the few browser globals it touches are declared here, for this file only.
/* eslint-disable @typescript-eslint/no-explicit-any */
declare const window: any;
declare const document: any;

const require = createRequire(import.meta.url);
const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
/** WCAG 2.0, 2.1 and 2.2 at levels A and AA. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
/** The narrowest phone width the site promises to work at. */
export const NARROW = { width: 360, height: 740 };

/**
 * The records a results page counts, as facet values count records: "Showing 1–20 of 27 results",
 * or with editions grouped "… of 4 results (10 records: …)" / "(from the best 100 of 420 records: …)".
 */
export async function recordsCounted(page: Page): Promise<number> {
  const text = await page.locator('#result-count').innerText();
  return Number((/\((?:from the best \d+ of )?(\d+) records/.exec(text) ?? /of (\d+)/.exec(text))?.[1]);
}

/** Every cookie the browser held at some step of the run, by name, as last seen. */
export type CookieLedger = Map<string, Cookie>;

/**
 * Read every cookie the browser holds and hold each to its registry entry:
 * declared, the declared lifetime (a session cookie has no expiry at all),
 * HttpOnly, SameSite, not Secure over the suite's plain HTTP, and no
 * analytics cookie unless the visitor accepted them.
 */
export async function checkCookies(context: BrowserContext, step: string, ledger: CookieLedger): Promise<Cookie[]> {
  const cookies = await context.cookies();
  const consent = cookies.find((c) => c.name === 'COOKIE_CONSENT')?.value;
  const now = Date.now() / 1000;
  for (const cookie of cookies) {
    const declared = declaredCookie(cookie.name);
    assert.ok(declared, `${step}: the browser holds ${cookie.name}, which the cookies page does not declare`);
    if (declared.lifetime === 'session') {
      assert.equal(cookie.expires, -1, `${step}: ${cookie.name} must be a session cookie (no expiry)`);
    } else {
      const off = cookie.expires - (now + declared.lifetime);
      assert.ok(off <= 60 && off >= -15 * 60, `${step}: ${cookie.name} expires ${off.toFixed(0)} s away from its declared ${declared.lifetime} s`);
    }
    assert.equal(cookie.httpOnly, declared.httpOnly, `${step}: ${cookie.name} HttpOnly`);
    assert.equal(cookie.sameSite, declared.sameSite === 'lax' ? 'Lax' : 'Strict', `${step}: ${cookie.name} SameSite`);
    assert.equal(cookie.secure, false, `${step}: ${cookie.name} must not be Secure over plain HTTP`);
    if (declared.category === 'analytics') {
      assert.equal(consent, 'accepted', `${step}: analytics cookie ${cookie.name} without consent (consent: ${consent ?? 'none'})`);
    }
    ledger.set(cookie.name, cookie);
  }
  return cookies;
}

/** axe-core over the current document at WCAG 2.2 AA; CSP is left on, so axe goes in through the debugger, not a script tag. */
export async function checkAccessibility(page: Page, step: string): Promise<void> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: Array<{ id: string; help: string; nodes: Array<{ target: unknown[] }> }> }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags } });
    return result.violations.map((v) => `${v.id} (${v.help}) at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  }, WCAG_TAGS);
  assert.deepEqual(violations, [], `${step}: axe found WCAG 2.2 AA violations on ${page.url()}`);
}

/** At 360 px the page must fit: no horizontal scrolling. */
export async function checkNarrow(page: Page, step: string): Promise<void> {
  const before = page.viewportSize();
  await page.setViewportSize(NARROW);
  const overflow = await page.evaluate(() => {
    const root = document.documentElement;
    if (root.scrollWidth <= root.clientWidth) return [];
    // Name likely culprits (boxes wider than the screen, or content spilling out of its box) so the failure says what to fix.
    const culprits = [...document.querySelectorAll('body *')]
      .filter((el: any) => el.getBoundingClientRect().right > root.clientWidth + 1
        || (el.scrollWidth > el.clientWidth + 1 && window.getComputedStyle(el).overflowX === 'visible'))
      .slice(0, 5)
      .map((el: any) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.className ? `.${String(el.className).split(' ').join('.')}` : ''}`);
    return [`the page is ${root.scrollWidth} px wide`, ...culprits];
  });
  if (before) await page.setViewportSize(before);
  assert.deepEqual(overflow, [], `${step}: ${page.url()} scrolls sideways at 360 px`);
}

/** Landmark rules axe files under best practice: every piece of content inside a landmark, one main, a skip link that works. */
const LANDMARK_RULES = ['region', 'landmark-one-main', 'landmark-unique', 'skip-link'];

/** axe's landmark rules over the current document (see LANDMARK_RULES). */
export async function checkLandmarks(page: Page, step: string): Promise<void> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async (rules) => {
    const result = await window.axe.run(document, { runOnly: { type: 'rule', values: rules } });
    return result.violations.map((v: any) => `${v.id} (${v.help}) at ${v.nodes.map((n: any) => n.target.join(' ')).join(', ')}`);
  }, LANDMARK_RULES);
  assert.deepEqual(violations, [], `${step}: content outside landmarks on ${page.url()}`);
}

/** WCAG 2.2 SC 2.5.8: a pointer target is at least this many CSS px each way, unless an exception applies. */
export const MIN_TARGET = 24;

/**
 * Every control (link, button, form field, summary) at least 24×24 CSS px,
 * with the two exceptions of SC 2.5.8 that the site relies on:
 * - inline: a link inside a sentence, whose size the line of text sets;
 * - spacing: a smaller target passes when a 24 px circle centred on it
 *   touches no other target and no other small target's circle.
 * Hidden controls (no box, or the 1 px visually-hidden ones, or off-screen
 * like the skip link until it gets focus) are not targets.
 */
export async function checkTargetSizes(page: Page, step: string): Promise<void> {
  const problems = await page.evaluate<string[]>(`(${TARGET_SIZE_CHECK})(${MIN_TARGET})`);
  assert.deepEqual(problems, [], `${step}: controls smaller than ${MIN_TARGET}×${MIN_TARGET} px on ${page.url()} at ${page.viewportSize()?.width} px`);
}

// Plain JavaScript run in the page: as a string, because tsx would wrap named functions in a helper the page does not have.
const TARGET_SIZE_CHECK = `function (min) {
  var selector = 'a[href], button, input:not([type=hidden]), select, textarea, summary';
  var view = document.documentElement.clientWidth;
  var targets = Array.from(document.querySelectorAll(selector)).map(function (el) { return { el: el, box: el.getBoundingClientRect() }; })
    .filter(function (t) { return t.box.width > 1 && t.box.height > 1 && t.box.right > 0 && t.box.left < view && getComputedStyle(t.el).visibility !== 'hidden'; });
  function name(el) {
    return el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + ' “' + (el.textContent || el.getAttribute('aria-label') || el.name || '').trim().replace(/\\s+/g, ' ').slice(0, 40) + '”';
  }
  function inSentence(el) {
    if (el.tagName !== 'A' || getComputedStyle(el).display !== 'inline') return false;
    var block = el.parentElement;
    while (block && getComputedStyle(block).display === 'inline') block = block.parentElement;
    return !!block && block.textContent.replace(/\\s+/g, '').length > el.textContent.replace(/\\s+/g, '').length;
  }
  function centre(b) { return { x: b.left + b.width / 2, y: b.top + b.height / 2 }; }
  function distanceToBox(p, b) { return Math.hypot(Math.max(b.left - p.x, 0, p.x - b.right), Math.max(b.top - p.y, 0, p.y - b.bottom)); }
  var small = targets.filter(function (t) { return t.box.width < min - 0.5 || t.box.height < min - 0.5; });
  var out = [];
  small.forEach(function (t) {
    if (inSentence(t.el)) return;
    var c = centre(t.box);
    var crowded = targets.find(function (o) {
      if (o.el === t.el || o.el.contains(t.el) || t.el.contains(o.el)) return false;
      return small.indexOf(o) >= 0 ? Math.hypot(centre(o.box).x - c.x, centre(o.box).y - c.y) < min : distanceToBox(c, o.box) < min / 2;
    });
    if (crowded) out.push(name(t.el) + ' is ' + Math.round(t.box.width) + '×' + Math.round(t.box.height) + ' px, too close to ' + name(crowded.el));
  });
  return out;
}`;
