// A bounded in-memory cache whose entries belong to a scope (a workspace): invalidating the scope
// drops all of its entries at once by bumping the scope's version. Oldest entries are evicted first;
// an optional maximum age bounds staleness for changes nobody announced.
export class VersionedCache<V> {
  readonly maxEntries: number;
  readonly maxAgeMs: number;
  private readonly entries = new Map<string, { scope: string; version: number; value: V; at: number }>();
  private readonly versions = new Map<string, number>();

  constructor(maxEntries = 2000, maxAgeMs = Number.POSITIVE_INFINITY) {
    this.maxEntries = maxEntries;
    this.maxAgeMs = maxAgeMs;
  }

  get(scope: string, key: string, now = Date.now()): V | undefined {
    const entry = this.entries.get(`${scope}\u0000${key}`);
    if (!entry || entry.version !== (this.versions.get(scope) ?? 0)) return undefined;
    if (now - entry.at > this.maxAgeMs) return undefined;
    return entry.value;
  }

  /** Stores a value computed while the scope had `version` (taken before computing, see versionOf). */
  set(scope: string, key: string, value: V, version: number): void {
    if (version !== (this.versions.get(scope) ?? 0)) return; // invalidated while computing: do not store stale data
    const id = `${scope}\u0000${key}`;
    this.entries.delete(id);
    this.entries.set(id, { scope, version, value, at: Date.now() });
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
  }

  versionOf(scope: string): number {
    return this.versions.get(scope) ?? 0;
  }

  invalidate(scope: string): void {
    this.versions.set(scope, (this.versions.get(scope) ?? 0) + 1);
  }

  clear(): void {
    this.entries.clear();
    for (const scope of this.versions.keys()) this.invalidate(scope);
  }

  get size(): number {
    return this.entries.size;
  }
}
