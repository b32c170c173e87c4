/**
 * A series as catalogued holds its volume after a semicolon, as ISBD writes a
 * 490 with its $v: "Discworld ; 4". The series itself is the part before.
 */
export function seriesName(entry: string): string {
  const at = entry.lastIndexOf(';');
  const name = at < 0 ? entry : entry.slice(0, at);
  return name.trim() || entry.trim();
}
