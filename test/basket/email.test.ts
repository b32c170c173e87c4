import path from 'node:path';
import { describe, it } from 'node:test';
import Database from 'better-sqlite3';
import assert from 'node:assert/strict';
import { build, flashText, submit, type Built } from '../helpers/build.js';
import { memoryLogger } from '../helpers/memory-logger.js';
import { smtpServer } from '../helpers/smtp.js';
import { catalogue, makeRecord } from '../storage/fixtures.js';

const ADDRESS = 'reader.one@example.org';
const PUBLIC_URL = 'https://catalogue.example.org/';

/** A browser with items in its basket. */
async function memberWith(built: Built, ids: string[]) {
  const visitor = built.browser();
  await visitor.get('/').expect(200);
  await submit(visitor, '/basket/add', { id: ids }, { status: 302 });
  return visitor;
}

async function emailTo(visitor: Awaited<ReturnType<typeof memberWith>>, to: string): Promise<string | undefined> {
  const res = await submit(visitor, '/basket/email', { to }, { status: 302 });
  assert.equal(res.headers.location, '/basket#basket-actions-heading');
  return flashText((await visitor.get('/basket')).text);
}

describe('emailing the basket', () => {
  it('delivers the basket, in plain text and HTML, to the address typed in', async (t) => {
    const smtp = await smtpServer(t);
    const built = await build(t, { env: { SMTP_URL: smtp.url, PUBLIC_URL, MAIL_FROM: 'Library <catalogue@library.example>' } });
    const visitor = await memberWith(built, ['rec-emma', 'rec-pride-dvd']);
    assert.match((await visitor.get('/basket')).text, /<form id="basket-email" method="post" action="\/basket\/email"/);
    assert.equal(await emailTo(visitor, ` ${ADDRESS} `), 'Your basket (2 items) has been emailed to the address you gave. It may take a few minutes to arrive.');
    assert.equal(smtp.received.length, 1);
    const [{ from, to, mail }] = smtp.received as [typeof smtp.received[0]];
    assert.deepEqual([from, to], ['catalogue@library.example', [ADDRESS]]);
    assert.equal(mail.subject, 'Your Shelfmark basket: 2 items');
    assert.match(String(mail.text), /1\. Emma\n {3}Austen, Jane · 1815 · Book\n {3}- Central: F \(Available\)\n {3}- Northside: F \(On loan\)\n {3}https:\/\/catalogue\.example\.org\/record\/rec-emma\n/);
    assert.match(String(mail.text), /2\. Pride & Prejudice\n/);
    assert.match(String(mail.html), /<a href="https:\/\/catalogue\.example\.org\/record\/rec-pride-dvd"><strong>Pride &amp; Prejudice<\/strong><\/a>/);
    assert.match(String(mail.html), /<td style="padding-right: 1em;">Eastgate<\/td><td style="padding-right: 1em;">F<\/td><td>Available<\/td>/);
  });

  it('never writes the address to the logs, nor keeps it in the session or the limits', async (t) => {
    const smtp = await smtpServer(t);
    const logs = memoryLogger();
    const built = await build(t, { env: { SMTP_URL: smtp.url, PUBLIC_URL }, logger: logs.logger });
    const visitor = await memberWith(built, ['rec-emma']);
    await emailTo(visitor, ADDRESS);
    await emailTo(visitor, 'not an address @example.org');
    assert.equal(smtp.received.length, 1);
    assert.ok(logs.lines().some((l) => l.path === '/basket/email'), 'the requests were logged');
    assert.equal(logs.text().includes('reader.one'), false);
    assert.equal(logs.text().includes('example.org'), false);
    const db = new Database(path.join(built.dataDir, 'shelfmark.db'), { readonly: true });
    t.after(() => db.close());
    const sessions = db.prepare('SELECT data FROM sessions').pluck().all() as string[];
    assert.equal(sessions.length, 1);
    assert.equal(sessions[0]!.includes('reader.one'), false);
    const limits = db.prepare('SELECT key FROM send_limits ORDER BY key').pluck().all() as string[];
    assert.equal(limits.length, 3);
    assert.ok(limits.every((key) => !key.includes('reader') && !key.includes('127.0.0.1')), limits.join(' '));
  });

  it('logs why a refused send failed without the address', async (t) => {
    const smtp = await smtpServer(t, { reject: true });
    const logs = memoryLogger();
    const built = await build(t, { env: { SMTP_URL: smtp.url, PUBLIC_URL }, logger: logs.logger });
    const visitor = await memberWith(built, ['rec-emma']);
    assert.equal(await emailTo(visitor, ADDRESS), 'Your basket could not be emailed just now. Please try again later, or download it instead.');
    const failure = logs.lines().find((l) => l.msg === 'basket email could not be sent');
    assert.equal(failure?.responseCode, 550);
    assert.equal(logs.text().includes('reader.one'), false);
  });

  it('refuses an address that is not one, and sends nothing', async (t) => {
    const smtp = await smtpServer(t);
    const visitor = await memberWith(await build(t, { env: { SMTP_URL: smtp.url, PUBLIC_URL } }), ['rec-emma']);
    for (const bad of ['', 'reader', 'reader@', '@example.org', 'a b@example.org', `${'x'.repeat(250)}@example.org`, 'reader@example.org\r\nBcc: x@evil.example']) {
      assert.equal(await emailTo(visitor, bad), 'Enter an email address like name@example.org to email your basket.', JSON.stringify(bad));
    }
    assert.equal(smtp.received.length, 0);
  });

  it('allows three emails in ten minutes from one client, then a fourth once the window has passed', async (t) => {
    const smtp = await smtpServer(t);
    const built = await build(t, { env: { SMTP_URL: smtp.url, PUBLIC_URL } });
    const visitor = await memberWith(built, ['rec-emma']);
    for (const n of [1, 2, 3]) assert.match(String(await emailTo(visitor, `reader.${n}@example.org`)), /has been emailed/);
    assert.equal(await emailTo(visitor, ADDRESS), 'You can email your basket 3 times in 10 minutes. Please try again later, or download your basket instead.');
    assert.equal(smtp.received.length, 3);
    built.clock.advanceMinutes(10);
    assert.match(String(await emailTo(visitor, ADDRESS)), /has been emailed/);
    assert.equal(smtp.received.length, 4);
  });

  it('gives a client that drops its cookie no fresh allowance: five visits send three mails', async (t) => {
    const smtp = await smtpServer(t);
    const built = await build(t, { env: { SMTP_URL: smtp.url, PUBLIC_URL } });
    for (let visit = 0; visit < 5; visit++) {
      const visitor = await memberWith(built, ['rec-emma']);
      for (let i = 0; i < 3; i++) await emailTo(visitor, ADDRESS);
    }
    assert.equal(smtp.received.length, 3);
  });

  it('sends no more than the limit when ten emails are posted at once from one visit', async (t) => {
    const smtp = await smtpServer(t);
    const built = await build(t, { env: { SMTP_URL: smtp.url, PUBLIC_URL } });
    const visitor = await memberWith(built, ['rec-emma']);
    const token = /<meta name="csrf-token" content="([^"]*)">/.exec((await visitor.get('/basket')).text)![1];
    const answers = await Promise.all(Array.from({ length: 10 }, () => visitor.post('/basket/email').type('form').send({ to: ADDRESS, _csrf: token })));
    assert.ok(answers.every((res) => res.status === 302));
    assert.equal(smtp.received.length, 3);
  });

  it('limits mail to one address whichever clients send it, and the whole site per hour', async (t) => {
    const smtp = await smtpServer(t);
    const built = await build(t, { env: { SMTP_URL: smtp.url, PUBLIC_URL, TRUST_PROXY: 'true', EMAIL_HOURLY_LIMIT: '5' } });
    const visitor = await memberWith(built, ['rec-emma']);
    const token = /<meta name="csrf-token" content="([^"]*)">/.exec((await visitor.get('/basket')).text)![1];
    const sendFrom = async (client: string, to: string) => {
      await visitor.post('/basket/email').set('X-Forwarded-For', client).type('form').send({ to, _csrf: token }).expect(302);
      return flashText((await visitor.get('/basket')).text);
    };
    for (const client of ['192.0.2.1', '192.0.2.2', '192.0.2.3']) assert.match(String(await sendFrom(client, ADDRESS)), /has been emailed/);
    assert.equal(await sendFrom('192.0.2.4', ADDRESS), 'That address has already been sent 3 baskets in the last hour, as many as we send to one address. Please try again later, or download your basket instead.');
    assert.match(String(await sendFrom('192.0.2.5', 'reader.two@example.org')), /has been emailed/);
    assert.match(String(await sendFrom('192.0.2.6', 'reader.three@example.org')), /has been emailed/);
    assert.equal(await sendFrom('192.0.2.7', 'reader.four@example.org'), 'The catalogue has sent as many emails as it may this hour. Please try again later, or download your basket instead.');
    assert.equal(smtp.received.length, 5);
  });

  it('links to PUBLIC_URL in the mail, whatever Host or X-Forwarded-Host the request names', async (t) => {
    const smtp = await smtpServer(t);
    const built = await build(t, { env: { SMTP_URL: smtp.url, PUBLIC_URL, TRUST_PROXY: 'true' } });
    const visitor = await memberWith(built, ['rec-emma']);
    const token = /<meta name="csrf-token" content="([^"]*)">/.exec((await visitor.get('/basket')).text)![1];
    await visitor.post('/basket/email').set('Host', 'evil.example').set('X-Forwarded-Host', 'evil.example').type('form').send({ to: ADDRESS, _csrf: token }).expect(302);
    const { mail } = smtp.received[0]!;
    assert.match(String(mail.text), /https:\/\/catalogue\.example\.org\/record\/rec-emma/);
    assert.equal(`${mail.text}${mail.html}`.includes('evil.example'), false);
  });

  it('escapes markup from the catalogue in the HTML part', async (t) => {
    const smtp = await smtpServer(t);
    const odd = makeRecord({ id: 'rec-odd', title: '<img src=x onerror=alert(1)> & more', holdings: [] });
    const visitor = await memberWith(await build(t, { env: { SMTP_URL: smtp.url, PUBLIC_URL }, records: [...catalogue, odd] }), ['rec-odd']);
    await emailTo(visitor, ADDRESS);
    const { mail } = smtp.received[0]!;
    assert.match(String(mail.html), /&lt;img src=x onerror=alert\(1\)&gt; &amp; more/);
    assert.equal(String(mail.html).includes('<img'), false);
    assert.match(String(mail.text), /1\. <img src=x onerror=alert\(1\)> & more/);
  });

  it('hides the form without SMTP_URL, says why once at boot, and refuses a posted form', async (t) => {
    const logs = memoryLogger();
    const built = await build(t, { logger: logs.logger });
    const visitor = await memberWith(built, ['rec-emma']);
    const page = await visitor.get('/basket').expect(200);
    assert.equal(page.text.includes('basket-email'), false);
    await submit(visitor, '/basket/email', { to: ADDRESS }, { status: 404 });
    const reasons = logs.lines().filter((l) => String(l.msg).startsWith('SMTP_URL is not set'));
    assert.equal(reasons.length, 1);
  });
});
