/**
 * Least-recently-used cache of strings bounded by total bytes (UTF-8 size of each value plus its
 * key). A JavaScript `Map` keeps insertion order, so re-inserting on access makes its first key the
 * least recently used: get, set and each eviction are O(1) amortised; memory O(maxBytes).
 * Entries may carry an expiry (monotonic milliseconds); an expired entry is dropped when read.
 * Reference: the classic LRU replacement policy (e.g. Tanenbaum, "Modern Operating Systems", §3.4.6).
 */

/** Options of {@link ByteLruCache}. */
export interface ByteLruOptions {
  /** Upper bound on the sum of entry sizes, in bytes. */
  maxBytes: number;
  /** Largest single entry kept, in bytes (default `maxBytes / 4`, so one entry never flushes the cache). */
  maxEntryBytes?: number;
  /** Monotonic clock in milliseconds for expiries (default `performance.now`). */
  now?: () => number;
}

/** Counters of a {@link ByteLruCache}. */
export interface ByteLruStats {
  entries: number;
  bytes: number;
  maxBytes: number;
  maxEntryBytes: number;
  /** Entries dropped to make room. */
  evictions: number;
  /** Entries dropped because their time to live had passed. */
  expirations: number;
  /** Values refused because they exceed `maxEntryBytes`. */
  rejected: number;
}

interface Entry {
  value: string;
  bytes: number;
  expiresAt: number;
}

/** Size of an entry as the cache counts it: UTF-8 bytes of the key and of the value. */
export function entryBytes(key: string, value: string): number {
  return Buffer.byteLength(key, "utf8") + Buffer.byteLength(value, "utf8");
}

/** A string-valued LRU cache bounded by bytes. */
export class ByteLruCache {
  private readonly entries = new Map<string, Entry>();
  private readonly maxBytes: number;
  private readonly maxEntryBytes: number;
  private readonly now: () => number;
  private bytes = 0;
  private evictions = 0;
  private expirations = 0;
  private rejected = 0;

  constructor(options: ByteLruOptions) {
    if (!Number.isSafeInteger(options.maxBytes) || options.maxBytes < 0) throw new RangeError(`maxBytes must be an integer ≥ 0 (got ${options.maxBytes})`);
    this.maxBytes = options.maxBytes;
    this.maxEntryBytes = Math.min(options.maxEntryBytes ?? Math.floor(options.maxBytes / 4), options.maxBytes);
    this.now = options.now ?? (() => performance.now());
  }

  /** The value under `key`, marking it most recently used; undefined when absent or expired. */
  get(key: string): string | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    if (entry.expiresAt <= this.now()) {
      this.remove(key, entry);
      this.expirations += 1;
      return undefined;
    }
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.value;
  }

  /**
   * Stores `value` under `key` for `ttlMs` (default: no expiry), evicting least recently used
   * entries until it fits. Returns false (and stores nothing) when the entry alone exceeds
   * `maxEntryBytes`.
   */
  set(key: string, value: string, ttlMs = Number.POSITIVE_INFINITY): boolean {
    const bytes = entryBytes(key, value);
    const old = this.entries.get(key);
    if (old !== undefined) this.remove(key, old);
    if (bytes > this.maxEntryBytes) {
      this.rejected += 1;
      return false;
    }
    while (this.bytes + bytes > this.maxBytes) {
      const oldest = this.entries.entries().next();
      if (oldest.done === true) break;
      this.remove(oldest.value[0], oldest.value[1]);
      this.evictions += 1;
    }
    this.entries.set(key, { value, bytes, expiresAt: this.now() + ttlMs });
    this.bytes += bytes;
    return true;
  }

  /** True when `key` is stored (expired entries included until read). */
  has(key: string): boolean {
    return this.entries.has(key);
  }

  /** Removes every entry (counters are kept). */
  clear(): void {
    this.entries.clear();
    this.bytes = 0;
  }

  /** Sizes and counters. */
  stats(): ByteLruStats {
    return {
      entries: this.entries.size,
      bytes: this.bytes,
      maxBytes: this.maxBytes,
      maxEntryBytes: this.maxEntryBytes,
      evictions: this.evictions,
      expirations: this.expirations,
      rejected: this.rejected,
    };
  }

  private remove(key: string, entry: Entry): void {
    this.entries.delete(key);
    this.bytes -= entry.bytes;
  }
}
