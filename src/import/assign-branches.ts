import { OTHER_LOCATIONS, type BranchRegistry } from '../branches/branch-registry.js';
import type { Holding } from '../model/record.js';

/** How many copies each location not in the registry had, in the order first seen. */
export type UnmappedLocations = Map<string, number>;

/**
 * Give each copy the branch the registry names for its location. A location
 * the registry does not know (a date, a note, another library's name) never
 * becomes a branch: the copy is kept under "Other locations", with the text
 * as `location`, and the location is counted for the import's report.
 */
export function assignBranches(holdings: Holding[], registry: BranchRegistry, unmapped: UnmappedLocations): void {
  for (const holding of holdings) {
    // A copy exported from Shelfmark under "Other locations" is placed by the location it kept.
    const given = holding.branch === OTHER_LOCATIONS ? (holding.location ?? '') : holding.branch;
    const branch = registry.resolve(given);
    if (branch) {
      holding.branch = branch.name;
      delete holding.location;
      continue;
    }
    const location = given.trim() || '(no location given)';
    unmapped.set(location, (unmapped.get(location) ?? 0) + 1);
    holding.location = location;
    holding.branch = OTHER_LOCATIONS;
  }
}
