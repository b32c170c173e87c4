import { execFile } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';

const run = promisify(execFile);
const require = createRequire(import.meta.url);
/** The Nu HTML Checker's jar, run with the system's java (never its downloader). */
const VNU_JAR = path.join(path.dirname(require.resolve('vnu-jar/package.json')), 'build/dist/vnu.jar');

interface VnuMessage {
  type: string;
  url?: string;
  lastLine?: number;
  message: string;
  extract?: string;
}

/**
 * The HTML exactly as served for every page the browser navigated to
 * (not the DOM after scripts ran), kept so that the Nu HTML Checker can
 * read them all in one run: starting Java once keeps the suite fast.
 */
export class ServedPages {
  private readonly pending: Array<Promise<void>> = [];
  private readonly pages = new Map<string, string>();
  readonly missed: string[] = [];

  /** Keep every HTML document the page's main frame receives. */
  watch(page: Page): void {
    page.on('response', (res) => {
      const request = res.request();
      if (!request.isNavigationRequest() || request.frame() !== page.mainFrame()) return;
      if (res.status() >= 300 && res.status() < 400) return;
      if (!(res.headers()['content-type'] ?? '').startsWith('text/html')) return;
      this.pending.push(res.text().then(
        (html) => { if (![...this.pages.values()].includes(html)) this.pages.set(`${this.pages.size + 1} ${res.url()}`, html); },
        (err: Error) => { this.missed.push(`${res.url()}: ${err.message}`); },
      ));
    });
  }

  /** Wait for every body still being read (before a context closes under it). */
  async settle(): Promise<void> {
    await Promise.all(this.pending);
  }

  get count(): number {
    return this.pages.size;
  }

  /** Every error the Nu HTML Checker reports, each naming the page it is on. */
  async validate(): Promise<string[]> {
    await this.settle();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shelfmark-vnu-'));
    const urlOf = new Map<string, string>();
    try {
      const files = [...this.pages].map(([key, html], i) => {
        const file = path.join(dir, `page-${String(i + 1).padStart(3, '0')}.html`);
        fs.writeFileSync(file, html);
        urlOf.set(`file:${file}`, key.split(' ')[1]!);
        return file;
      });
      let output: string;
      try {
        output = (await run('java', ['-jar', VNU_JAR, '--errors-only', '--format', 'json', ...files], { maxBuffer: 64 << 20 })).stderr;
      } catch (err) {
        // vnu exits non-zero when it finds errors; its report is still on stderr.
        output = (err as { stderr?: string }).stderr ?? String(err);
      }
      const messages = (JSON.parse(output) as { messages: VnuMessage[] }).messages;
      return messages
        .filter((m) => m.type === 'error' || m.type === 'non-document-error')
        .map((m) => `${urlOf.get(m.url ?? '') ?? m.url} line ${m.lastLine}: ${m.message} [${(m.extract ?? '').trim()}]`);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
}
