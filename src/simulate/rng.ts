/**
 * A counter-based random stream: every (seed, replication, unit, day) key gets its own generator, so
 * a county's draws on a day never depend on which other counties, days or replications ran before,
 * or on how many threads ran them. Same key, same numbers, on any machine.
 *
 * The key is mixed into 128 bits of state with the 32-bit MurmurHash3 finalizer (fmix32) applied
 * over the key words; the stream itself is SFC32 (Chris Doty-Humphrey's Small Fast Counting
 * generator, from PractRand), which passes PractRand and BigCrush and has a counter, so no key
 * falls into a short cycle. Both use only 32-bit integer arithmetic (Math.imul), exact in JavaScript.
 */

/** MurmurHash3's 32-bit finalizer: a bijection that avalanches every input bit. */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A seeded stream of uniform numbers in [0, 1). Owns its state; never global. */
export class Stream {
  private a = 0;
  private b = 0;
  private c = 0;
  private d = 0;

  /** Re-key the stream in place (no allocation on the hot path). */
  reset(seed: number, replication: number, unit: number, day: number): this {
    let h = fmix32((seed >>> 0) ^ 0x9e3779b9);
    h = fmix32(h ^ Math.imul(replication + 1, 0x85ebca6b));
    h = fmix32(h ^ Math.imul(unit + 1, 0xc2b2ae35));
    h = fmix32(h ^ Math.imul(day + 0x10000, 0x27d4eb2f));
    this.a = h;
    this.b = fmix32(h ^ 0x243f6a88);
    this.c = fmix32(h ^ 0x85a308d3);
    this.d = 1;
    // SFC32's recommended warm-up: 12 discarded outputs.
    for (let i = 0; i < 12; i++) this.next32();
    return this;
  }

  /** The next 32-bit unsigned integer (SFC32). */
  next32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** A uniform number in [0, 1) with 32 bits of resolution. */
  uniform(): number {
    return this.next32() / 4294967296;
  }

  /** A uniform number in (0, 1): never 0, so its logarithm is finite. */
  open(): number {
    return (this.next32() + 0.5) / 4294967296;
  }
}

/** Stream units other than counties (AOR-level draws) are numbered from here. */
export const AOR_UNIT_BASE = 1 << 20;
