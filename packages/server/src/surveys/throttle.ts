/**
 * A token bucket per client address for the open aggregate API: a tool may poll, a loop may not.
 * It lives in the process (each server node throttles on its own; a deployment behind a load
 * balancer sets its own limit there too). Nothing depends on it but the 429.
 */
export class OpenApiThrottle {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  // The time comes from the services' one clock (routes.ts passes it), like every other rule of time.
  constructor(private readonly perMinute: number, private readonly now: () => number) {}

  /** Takes one request; returns 0 when allowed, else the seconds to wait. */
  take(address: string): number {
    const now = this.now();
    const bucket = this.buckets.get(address) ?? { tokens: this.perMinute, at: now };
    bucket.tokens = Math.min(this.perMinute, bucket.tokens + ((now - bucket.at) / 60_000) * this.perMinute);
    bucket.at = now;
    this.buckets.set(address, bucket);
    if (this.buckets.size > 10_000) this.forgetFull(now);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.ceil(((1 - bucket.tokens) / this.perMinute) * 60);
  }

  /** Drops buckets that have filled up again, so many addresses cannot grow the map without end. */
  private forgetFull(now: number): void {
    for (const [address, b] of this.buckets) if (b.tokens + ((now - b.at) / 60_000) * this.perMinute >= this.perMinute) this.buckets.delete(address);
  }
}
