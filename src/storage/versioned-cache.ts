/**
 * Answers kept for one catalogue version: the first read at a new version
 * empties it, so nothing outlives an import. At most `size` entries; past
 * that the oldest goes first.
 */
export class VersionedCache<T> {
  private version: number | string | undefined;
  private readonly entries = new Map<string, T>();

  constructor(private readonly size: number) {}

  read(version: number | string, key: string, compute: () => T): T {
    if (version !== this.version) {
      this.entries.clear();
      this.version = version;
    }
    const kept = this.entries.get(key);
    if (kept !== undefined) return kept;
    const value = compute();
    if (this.entries.size >= this.size) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, value);
    return value;
  }

  /** Drops one answer, such as a failed read, so the next read computes it again. */
  forget(key: string): void {
    this.entries.delete(key);
  }
}
