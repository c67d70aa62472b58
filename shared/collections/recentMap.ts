/**
 * A map that keeps only its `capacity` most recently used entries: `get` and `set` count as a use,
 * `peek` and `has` do not. The main side's record and corpus-finding caches and the renderer's
 * record, analysis and read-ahead caches all keep "the last few" this way.
 */
export class RecentMap<K, V> {
  readonly #entries = new Map<K, V>();
  readonly #capacity: number;

  constructor(capacity: number) {
    this.#capacity = capacity;
  }

  get(key: K): V | undefined {
    const value = this.#entries.get(key);
    if (value !== undefined) {
      // A Map iterates in insertion order: inserted again, the entry is the newest.
      this.#entries.delete(key);
      this.#entries.set(key, value);
    }
    return value;
  }

  /** The value without making it any more recent. */
  peek(key: K): V | undefined {
    return this.#entries.get(key);
  }

  has(key: K): boolean {
    return this.#entries.has(key);
  }

  set(key: K, value: V): void {
    this.#entries.delete(key);
    this.#entries.set(key, value);
    for (const oldest of this.#entries.keys()) {
      if (this.#entries.size <= this.#capacity) break;
      this.#entries.delete(oldest);
    }
  }

  delete(key: K): void {
    this.#entries.delete(key);
  }

  clear(): void {
    this.#entries.clear();
  }
}
