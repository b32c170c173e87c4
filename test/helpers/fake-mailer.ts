import type { Mail, Mailer } from '../../src/mail/mailer.js';

/** A mailer that keeps what it was asked to send, for tests to read. */
export function fakeMailer(): Mailer & { sent: Array<{ to: string; mail: Mail }> } {
  const sent: Array<{ to: string; mail: Mail }> = [];
  return {
    sent,
    async send(to, mail) {
      sent.push({ to, mail });
    },
  };
}
