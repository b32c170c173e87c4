import type { AddressInfo } from 'node:net';
import type { TestContext } from 'node:test';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** A message as the SMTP server received it: the envelope and the parsed message. */
export interface Received {
  from: string | undefined;
  to: string[];
  mail: ParsedMail;
}

/**
 * A real SMTP server on 127.0.0.1 and a free port, in this process, that
 * keeps what it receives; `reject` makes it refuse every recipient, and
 * `beforeAccept` holds each message until it resolves (a slow mail server).
 * Stopped after the test.
 */
export async function smtpServer(t: TestContext, options: { reject?: boolean; beforeAccept?: () => Promise<void> } = {}) {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (options.reject) return callback(Object.assign(new Error(`Mailbox <${address.address}> unavailable`), { responseCode: 550 }));
      callback();
    },
    onData(stream, session, callback) {
      simpleParser(stream).then(
        async (mail) => {
          await options.beforeAccept?.();
          received.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : undefined, to: session.envelope.rcptTo.map((r) => r.address), mail });
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  t.after(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return { url: `smtp://127.0.0.1:${port}`, received };
}
