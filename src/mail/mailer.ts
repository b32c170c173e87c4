import nodemailer from 'nodemailer';
import type { Config } from '../config/config.js';

/** A message ready to send: plain text and HTML versions of the same content. */
export interface Mail {
  subject: string;
  text: string;
  html: string;
}

/** Sends mail to one recipient; the address is used for this send and kept nowhere. */
export interface Mailer {
  send(to: string, mail: Mail): Promise<void>;
}

/**
 * The SMTP mailer from SMTP_URL, or undefined when it is not set: the email
 * form is then hidden, and the reason is logged here, once, when the app is
 * built at boot. nodemailer's own logger is off unless the URL turns it on
 * (?logger=true); leave it off, because it logs recipients.
 */
export function createMailer(config: Pick<Config, 'SMTP_URL' | 'MAIL_FROM'>, logger: { info(message: string): void }): Mailer | undefined {
  if (!config.SMTP_URL) {
    logger.info('SMTP_URL is not set, so "Email the basket" is hidden; set it to an smtp:// URL to offer it');
    return undefined;
  }
  const transport = nodemailer.createTransport(config.SMTP_URL);
  return {
    async send(to, mail) {
      await transport.sendMail({ from: config.MAIL_FROM, to, subject: mail.subject, text: mail.text, html: mail.html });
    },
  };
}
