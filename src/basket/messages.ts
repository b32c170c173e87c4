import type { Flash } from '../session/flash.js';
import type { AddOutcome } from './basket.js';

/** The status message for an add, naming the title when there is one item. */
export function addMessage(outcome: AddOutcome, limit: number): Flash {
  const parts: string[] = [];
  const { added, alreadyIn, full, unknown, titles } = outcome;
  if (added.length === 1) parts.push(`Added ‘${titles.get(added[0]!) ?? 'the item'}’ to your basket.`);
  else if (added.length > 1) parts.push(`Added ${added.length} items to your basket.`);
  if (alreadyIn.length === 1 && added.length + full.length === 0) parts.push(`‘${titles.get(alreadyIn[0]!) ?? 'That item'}’ is already in your basket.`);
  else if (alreadyIn.length > 0) parts.push(`${plural(alreadyIn.length)} already in your basket.`);
  if (full.length > 0) parts.push(`Your basket is full: it holds at most ${limit} items, so ${items(full.length)} could not be added. Remove something to make room.`);
  if (unknown.length > 0) parts.push(`${capitalise(items(unknown.length))} could not be found in the catalogue.`);
  if (parts.length === 0) parts.push('Nothing was selected to add.');
  const kind = full.length > 0 || unknown.length > 0 || added.length === 0 ? (added.length > 0 ? 'info' : 'error') : 'success';
  return { kind, text: parts.join(' ') };
}

export function removeMessage(removed: number, title?: string): Flash {
  if (removed === 1 && title) return { kind: 'success', text: `Removed ‘${title}’ from your basket.` };
  if (removed === 0) return { kind: 'info', text: 'That item was not in your basket.' };
  return { kind: 'success', text: `Removed ${removed} items from your basket.` };
}

function items(n: number): string {
  return n === 1 ? '1 item' : `${n} items`;
}

function plural(n: number): string {
  return `${items(n)} ${n === 1 ? 'was' : 'were'}`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
