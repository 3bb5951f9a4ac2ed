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
