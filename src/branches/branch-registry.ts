/** Where copies go whose location is not a branch in the registry. Never a pickup location. */
export const OTHER_LOCATIONS = 'Other locations';

/** One branch of the library (the registry file, branch-registry-file.ts, is checked against this). */
export interface Branch {
  /** The code library systems write in 852 $b / 952 $a ("CEN"). */
  code: string;
  /** The name members see ("Central Library"). */
  name: string;
  /** Other codes or names the same branch appears under in exports. */
  aliases: string[];
}

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

/** The registry as file text, for writing back once the console can edit it. */
export function formatBranchRegistry(registry: BranchRegistry): string {
  return `${JSON.stringify({ branches: registry.branches }, null, 2)}\n`;
}
