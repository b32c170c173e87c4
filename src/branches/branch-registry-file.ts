import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { createBranchRegistry, type Branch, type BranchRegistry } from './branch-registry.js';

/**
 * The registry file a library keeps, checked as it is read. Apart from the
 * registry itself so that what only resolves locations (an import's reading
 * thread) does not load the schema library: about 180 ms of a thread's start
 * under tsx.
 */
const BranchSchema = z.object({
  /** The code library systems write in 852 $b / 952 $a ("CEN"). */
  code: z.string().trim().min(1),
  /** The name members see ("Central Library"). */
  name: z.string().trim().min(1),
  /** Other codes or names the same branch appears under in exports. */
  aliases: z.array(z.string().trim().min(1)).default([]),
});

const RegistrySchema = z.object({ branches: z.array(BranchSchema) });

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
  const branches: Branch[] = parsed.data.branches;
  return createBranchRegistry(branches);
}

/** Read the registry file the library keeps. */
export async function loadBranchRegistry(path: string): Promise<BranchRegistry> {
  return parseBranchRegistry(await readFile(path, 'utf8'), path);
}

/** The registry shipped with the demo catalogue, used when the library has none of its own. */
export const DEMO_BRANCHES_PATH = fileURLToPath(new URL('../../seed/branches.json', import.meta.url));

/** The library's registry file: BRANCHES_FILE, else branches.json in the data folder, else the demo's. */
export function branchRegistryPath(config: { DATA_DIR: string; BRANCHES_FILE?: string | undefined }): string {
  if (config.BRANCHES_FILE) return config.BRANCHES_FILE;
  const own = path.join(config.DATA_DIR, 'branches.json');
  return existsSync(own) ? own : DEMO_BRANCHES_PATH;
}
