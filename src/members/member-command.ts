import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config/config.js';
import { openStore } from '../storage/open-store.js';
import type { MemberRole } from '../storage/member-stores.js';
import { isCardNumber, isPin } from './card.js';
import { normaliseCard } from '../text/card-number.js';
import { hashPin } from './pin-hash.js';

export const USAGE = `Manage members:
  npm run member -- add --card <number> --pin <4-8 digits> --name "<name>" --email <address> --branch "<home branch>" [--role librarian]
  npm run member -- reset-pin --card <number> --pin <4-8 digits>`;

/** A mistake in the command line: shown with the usage, exit code 2. */
export class UsageError extends Error {}

function required(values: Record<string, string | undefined>, name: string): string {
  const value = values[name]?.trim();
  if (!value) throw new UsageError(`--${name} is required`);
  return value;
}

function cardAndPin(values: Record<string, string | undefined>): { card: string; pin: string } {
  const card = normaliseCard(required(values, 'card'));
  const pin = required(values, 'pin');
  if (!isCardNumber(card)) throw new UsageError('--card must be 4 to 20 letters and digits');
  if (!isPin(pin)) throw new UsageError('--pin must be 4 to 8 digits');
  return { card, pin };
}

/** `npm run member -- <add|reset-pin> ...`, against the store the server would use (DATA_DIR or MONGODB_URL). */
export async function runMemberCli(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { card: { type: 'string' }, pin: { type: 'string' }, name: { type: 'string' }, email: { type: 'string' }, branch: { type: 'string' }, role: { type: 'string' } },
  });
  const command = positionals[0];
  if (command !== 'add' && command !== 'reset-pin') throw new UsageError(command ? `unknown command "${command}"` : 'no command given');
  const { card, pin } = cardAndPin(values);
  const role = (values.role ?? 'member') as MemberRole;
  if (role !== 'member' && role !== 'librarian') throw new UsageError('--role must be member or librarian');
  const member = command === 'add'
    ? { name: required(values, 'name'), email: required(values, 'email'), homeBranch: required(values, 'branch') }
    : undefined;

  const store = await openStore(loadConfig(env));
  try {
    if (member) {
      await store.members.add({ id: randomUUID(), card, pinHash: await hashPin(pin), role, createdAt: Date.now(), ...member });
      return `Added ${role} ${member.name} with card ${card}.`;
    }
    if (!(await store.members.setPinHash(card, await hashPin(pin)))) throw new UsageError(`no member has card ${card}`);
    return `Changed the PIN of card ${card}.`;
  } finally {
    await store.close();
  }
}
