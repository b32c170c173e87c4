import type { Mail } from '../mail/mailer.js';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (c) => ENTITIES[c]!);

/** "Your reservation is ready to collect": plain text and HTML, with the date and a link to the account. */
export function readyMail(input: { name: string; title: string; branch: string; until: string; accountUrl: string }): Mail {
  const { name, title, branch, until, accountUrl } = input;
  const lines = [
    `Dear ${name},`,
    '',
    `‘${title}’ is ready to collect from ${branch}.`,
    `We will keep it for you until ${until}. After that it goes to the next member waiting.`,
    '',
    `Your reservations: ${accountUrl}`,
  ];
  const html = `<p>Dear ${escapeHtml(name)},</p><p>‘${escapeHtml(title)}’ is ready to collect from ${escapeHtml(branch)}.</p>`
    + `<p>We will keep it for you until <strong>${escapeHtml(until)}</strong>. After that it goes to the next member waiting.</p>`
    + `<p><a href="${escapeHtml(accountUrl)}">Your reservations</a></p>`;
  return { subject: `Ready to collect: ${title}`, text: lines.join('\n'), html };
}
