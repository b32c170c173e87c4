import type { Member, MemberStore } from '../storage/member-stores.js';
import { isCardNumber } from '../members/card.js';
import { normaliseCard } from '../text/card-number.js';

/** Most members one name may match in the person filter; a longer list asks for a fuller name. */
const MOST_MATCHES = 20;

/** Whom the person filter found: their cards and ids for the store, their names for the page. */
export interface PersonMatch {
  cards: string[];
  memberIds: string[];
  members: Member[];
}

/**
 * Turns what a librarian typed (a card number, or part of a name) into the
 * cards and ids the audit store filters on. A card nobody has still matches
 * its failed logins.
 */
export async function findPerson(members: Pick<MemberStore, 'getByCard' | 'list'>, typed: string): Promise<PersonMatch> {
  const card = normaliseCard(typed);
  const byCard = isCardNumber(card) ? await members.getByCard(card) : null;
  const byName = (await members.list({ text: typed }, 0, MOST_MATCHES)).members;
  const found = new Map<string, Member>([...(byCard ? [byCard] : []), ...byName].map((m) => [m.id, m]));
  const cards = new Set([...(isCardNumber(card) ? [card] : []), ...[...found.values()].map((m) => m.card)]);
  return { cards: [...cards], memberIds: [...found.keys()], members: [...found.values()] };
}
