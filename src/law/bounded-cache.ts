/**
 * A bounded map for keys that arrive from outside (jurisdiction ids from the network): two
 * generations, so a hit costs one or two lookups and memory never exceeds twice `max` entries.
 * When the young generation fills, it becomes the old one and the previous old one is dropped;
 * keys still in use are promoted back on their next hit.
 */
export class BoundedCache<K, V> {
  private young = new Map<K, V>();
  private old = new Map<K, V>();
  constructor(private readonly max: number) {}
  get(k: K): V | undefined {
    const v = this.young.get(k);
    if (v !== undefined) return v;
    const o = this.old.get(k);
    if (o !== undefined) this.set(k, o);
    return o;
  }
  set(k: K, v: V): void {
    if (this.young.size >= this.max) {
      this.old = this.young;
      this.young = new Map();
    }
    this.young.set(k, v);
  }
  get size(): number { return this.young.size + this.old.size; }
}

/**
 * A BoundedCache that keeps a value only from the second time its key comes (a "doorkeeper", as in TinyLFU): a
 * stream of keys that never repeat costs a small set of keys, not a value each, while the keys that repeat are
 * kept. Ask `admit(k)` before building a value worth keeping; it remembers the key and says whether it came before.
 */
export class DoorkeptCache<K, V> {
  private readonly kept: BoundedCache<K, V>;
  private readonly seen: BoundedCache<K, true>;
  constructor(max: number) {
    this.kept = new BoundedCache(max);
    this.seen = new BoundedCache(4 * max);
  }
  get(k: K): V | undefined {
    return this.kept.get(k);
  }
  /** True when `k` came before (keep its value with `set`); otherwise remembers it and says false. */
  admit(k: K): boolean {
    if (this.seen.get(k) !== undefined) return true;
    this.seen.set(k, true);
    return false;
  }
  set(k: K, v: V): void {
    this.kept.set(k, v);
  }
  /** Values kept (at most twice `max`: two generations). */
  get size(): number {
    return this.kept.size;
  }
}
