import { randomInt, randomUUID } from 'node:crypto';
import type Koa from 'koa';
import type { RouteDeps } from '../http/deps.js';
import { DuplicateCard, type Member, type MemberRole } from '../storage/member-stores.js';
import { isCardNumber } from '../members/card.js';
import { normaliseCard } from '../text/card-number.js';
import { hashPin } from '../members/pin-hash.js';
import { auditConsole } from '../audit/console-audit.js';

/** A new PIN for a librarian to hand over: six random digits, shown once and kept only as a hash. */
export function newPin(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0');
}

/** The add-member form as typed, kept to show again beside what was wrong. */
export interface NewMemberForm { card: string; name: string; email: string; homeBranch: string; role: MemberRole }

/** Reads and checks the add-member form; `problems` names each field that is wrong. */
export function readNewMember(body: Record<string, unknown>, branches: string[]): { form: NewMemberForm; problems: Record<string, string> } {
  const text = (name: string, max: number) => (typeof body[name] === 'string' ? (body[name]).trim().slice(0, max) : '');
  const form: NewMemberForm = {
    card: normaliseCard(body.card), name: text('name', 200), email: text('email', 254), homeBranch: text('homeBranch', 200),
    role: body.role === 'librarian' ? 'librarian' : 'member',
  };
  const problems: Record<string, string> = {};
  if (!isCardNumber(form.card)) problems.card = 'A card number is 4 to 20 letters and digits.';
  if (!form.name) problems.name = 'Enter the member’s name.';
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(form.email)) problems.email = 'Enter an email address such as name@example.org.';
  if (!branches.includes(form.homeBranch)) problems.homeBranch = 'Choose a home branch from the list.';
  return { form, problems };
}

type Deps = Pick<RouteDeps<'members' | 'audit'>, 'store' | 'clock' | 'logger'>;

/** Adds the member with a fresh PIN; returns both, or null when the card is taken. The entry's target is the new id. */
export async function addMember(deps: Deps, ctx: Koa.Context, form: NewMemberForm): Promise<{ member: Member; pin: string } | null> {
  const pin = newPin();
  const member: Member = { id: randomUUID(), ...form, pinHash: await hashPin(pin), createdAt: deps.clock() };
  try {
    await deps.store.members.add(member);
  } catch (error) {
    if (error instanceof DuplicateCard) return null;
    throw error;
  }
  await auditConsole(deps, ctx, 'member-add', member.id);
  return { member, pin };
}

/** Gives the member a fresh PIN and returns it, to be shown once. */
export async function resetPin(deps: Deps, ctx: Koa.Context, member: Member): Promise<string> {
  const pin = newPin();
  await deps.store.members.setPinHash(member.card, await hashPin(pin));
  await auditConsole(deps, ctx, 'member-pin-reset', member.id);
  return pin;
}

/** Disables or re-enables a card; a disabled member is logged out on their next request and cannot log in. */
export async function setDisabled(deps: Deps, ctx: Koa.Context, member: Member, disable: boolean): Promise<void> {
  await deps.store.members.setDisabled(member.id, disable ? deps.clock() : null);
  await auditConsole(deps, ctx, disable ? 'member-disable' : 'member-enable', member.id);
}
