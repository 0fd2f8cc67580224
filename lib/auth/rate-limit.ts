/**
 * A fixed-window counter per key (e.g. per client address for sign-in attempts), in memory:
 * the app runs as one process, and a restart forgetting the counts errs on the side of the user.
 */
export class RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  /** Counts an attempt; returns how many seconds to wait when over the limit, else 0. */
  hit(key: string, now = Date.now()): number {
    const window = this.windows.get(key);
    if (!window || now - window.start >= this.windowMs) {
      this.windows.set(key, { start: now, count: 1 });
      this.prune(now);
      return 0;
    }
    window.count++;
    if (window.count <= this.limit) return 0;
    return Math.ceil((window.start + this.windowMs - now) / 1000);
  }

  /** Seconds to wait before `key` may try again, without counting an attempt. */
  retryAfter(key: string, now = Date.now()): number {
    const window = this.windows.get(key);
    if (!window || now - window.start >= this.windowMs || window.count < this.limit) return 0;
    return Math.ceil((window.start + this.windowMs - now) / 1000);
  }

  reset(key: string): void {
    this.windows.delete(key);
  }

  private prune(now: number): void {
    if (this.windows.size < 10_000) return;
    for (const [key, window] of this.windows) {
      if (now - window.start >= this.windowMs) this.windows.delete(key);
    }
  }
}
