import nunjucks from 'nunjucks';
import { TEMPLATES_DIR } from '../../http/render.js';
import type { ShelfItem } from '../shelf-list.js';
import type { Mail } from '../../mail/mailer.js';

// Two environments: HTML escapes every value; the plain-text part must not (it would show "&amp;").
const html = new nunjucks.Environment(new nunjucks.FileSystemLoader(TEMPLATES_DIR), { autoescape: true, trimBlocks: true, lstripBlocks: true });
// lstripBlocks would also eat the indent before an inline {% if %}, which plain text needs.
const text = new nunjucks.Environment(new nunjucks.FileSystemLoader(TEMPLATES_DIR), { autoescape: false, trimBlocks: true });

/**
 * The basket as an email: each item with its copies (branch, shelfmark,
 * status) and a link to its record page on `origin`. Written from the same
 * shelf list as the print view.
 */
export function basketMail(items: ShelfItem[], origin: string, sentOn: string): Mail {
  const data = { items, origin, sentOn, count: items.length };
  return {
    subject: `Your Shelfmark basket: ${items.length} ${items.length === 1 ? 'item' : 'items'}`,
    text: text.render('basket/email.txt.njk', data),
    html: html.render('basket/email.html.njk', data),
  };
}
