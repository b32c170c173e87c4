import type { BranchRegistry } from '../branches/branch-registry.js';
import type { Store } from '../storage/store.js';
import { MAX_PROBLEMS_KEPT } from './import-runner.js';

/** How many recent imports are read for locations the registry did not know. */
const RECENT_RUNS = 10;
/** The import writes its location lines last: reading this far back from the end of a run's report finds them. */
const TAIL = 2000;
/** The wording of the import runner's location line (import-runner.ts). */
const LOCATION_LINE = /^location "(.+)" is not in the branch registry: (\d+) (?:copy is|copies are) kept under/;

/** A location code or name met in imports that no branch stands for yet. */
export interface UnmappedLocation { location: string; copies: number; lastSeen: string }

/**
 * Locations the latest console imports put under "Other locations", with the
 * copies counted in the latest run that met each, leaving out those the
 * registry resolves now (mapped since).
 */
export async function unmappedLocations(store: Pick<Store, 'imports'>, registry: BranchRegistry): Promise<UnmappedLocation[]> {
  const found = new Map<string, UnmappedLocation>();
  for (const run of await store.imports.recent(RECENT_RUNS)) {
    const lines = Math.min(MAX_PROBLEMS_KEPT, run.counts.rejected + run.counts.warnings + run.counts.duplicates);
    for (const problem of await store.imports.problems(run.id, Math.max(0, lines - TAIL), TAIL)) {
      const match = problem.recordNumber === 0 ? LOCATION_LINE.exec(problem.reason) : null;
      if (!match || found.has(match[1]!) || registry.resolve(match[1]!)) continue;
      found.set(match[1]!, { location: match[1]!, copies: Number(match[2]), lastSeen: run.fileName });
    }
  }
  return [...found.values()].sort((a, b) => b.copies - a.copies || a.location.localeCompare(b.location));
}
