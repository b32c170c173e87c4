import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/** Where copies go whose location is not a branch in the registry. Never a pickup location. */
export const OTHER_LOCATIONS = 'Other locations';

const BranchSchema = z.object({
  /** The code library systems write in 852 $b / 952 $a ("CEN"). */
  code: z.string().trim().min(1),
  /** The name members see ("Central Library"). */
  name: z.string().trim().min(1),
  /** Other codes or names the same branch appears under in exports. */
  aliases: z.array(z.string().trim().min(1)).default([]),
});

const RegistrySchema = z.object({ branches: z.array(BranchSchema) });

/** One branch of the library. */
export type Branch = z.infer<typeof BranchSchema>;

/** The library's branches, and the one way a location from a file becomes a branch. */
export interface BranchRegistry {
  readonly branches: readonly Branch[];
  /** The branch a location code or name stands for (case and spacing ignored), or undefined. */
  resolve(location: string): Branch | undefined;
}

const key = (value: string) => value.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();

/** A registry from a list of branches; a later branch never takes over an earlier one's code or alias. */
export function createBranchRegistry(branches: Branch[]): BranchRegistry {
  const byKey = new Map<string, Branch>();
  for (const branch of branches) {
    for (const name of [branch.code, branch.name, ...branch.aliases]) if (!byKey.has(key(name))) byKey.set(key(name), branch);
  }
  // An import asks for the same few locations once per copy: each is folded once (the registry never changes).
  const seen = new Map<string, Branch | null>();
  const resolve = (location: string) => {
    let branch = seen.get(location);
    if (branch === undefined) {
      branch = byKey.get(key(location)) ?? null;
      if (seen.size < 10_000) seen.set(location, branch);
    }
    return branch ?? undefined;
  };
  return { branches, resolve };
}

/** Parse a registry file's text (JSON: `{ "branches": [{ "code", "name", "aliases"? }] }`). */
export function parseBranchRegistry(text: string, source: string): BranchRegistry {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`${source} is not valid JSON: ${(error as Error).message}`, { cause: error });
  }
  const parsed = RegistrySchema.safeParse(json);
  if (!parsed.success) throw new Error(`${source} is not a branch registry: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'file'} ${i.message}`).join('; ')}`);
  return createBranchRegistry(parsed.data.branches);
}

/** Read the registry file the library keeps. */
export async function loadBranchRegistry(path: string): Promise<BranchRegistry> {
  return parseBranchRegistry(await readFile(path, 'utf8'), path);
}

/** The registry as file text, for writing back once the console can edit it. */
export function formatBranchRegistry(registry: BranchRegistry): string {
  return `${JSON.stringify({ branches: registry.branches }, null, 2)}\n`;
}

/** The registry shipped with the demo catalogue, used when the library has none of its own. */
export const DEMO_BRANCHES_PATH = fileURLToPath(new URL('../../seed/branches.json', import.meta.url));

/** The library's registry file: BRANCHES_FILE, else branches.json in the data folder, else the demo's. */
export function branchRegistryPath(config: { DATA_DIR: string; BRANCHES_FILE?: string | undefined }): string {
  if (config.BRANCHES_FILE) return config.BRANCHES_FILE;
  const own = path.join(config.DATA_DIR, 'branches.json');
  return existsSync(own) ? own : DEMO_BRANCHES_PATH;
}
