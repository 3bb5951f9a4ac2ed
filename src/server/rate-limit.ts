/** A per-client token bucket: `capacity` requests at once, then one more every `refillMs`. */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(readonly capacity: number, readonly refillMs: number, private readonly maxClients = 10_000) {}

  /** Take a token for this client: allowed, or the seconds until the next one. */
  take(client: string, now = Date.now()): { ok: true } | { ok: false; retryAfterSeconds: number } {
    let b = this.buckets.get(client);
    if (b) {
      b.tokens = Math.min(this.capacity, b.tokens + (now - b.at) / this.refillMs);
      b.at = now;
    } else {
      if (this.buckets.size >= this.maxClients) this.evict(now);
      b = { tokens: this.capacity, at: now };
      this.buckets.set(client, b);
    }
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return { ok: true };
    }
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(((1 - b.tokens) * this.refillMs) / 1000)) };
  }

  /** Forget clients whose bucket is full again (they would start full anyway), else the oldest. */
  private evict(now: number): void {
    for (const [k, b] of this.buckets) if (b.tokens + (now - b.at) / this.refillMs >= this.capacity) this.buckets.delete(k);
    if (this.buckets.size >= this.maxClients) this.buckets.delete(this.buckets.keys().next().value as string);
  }
}
