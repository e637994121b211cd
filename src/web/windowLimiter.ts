/**
 * Fixed-window counter per client plus one global counter: O(1) per call, and the per-client map is
 * dropped whole when the window turns, so its size is bounded by one window's distinct clients.
 */
export class WindowLimiter {
  private windowStart = 0;
  private total = 0;
  private perClient = new Map<string, number>();

  constructor(
    private readonly perClientLimit: number,
    private readonly totalLimit: number,
    private readonly windowMs = 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts one request of `client`; false when the client's or the global budget of this window is spent. */
  take(client: string): boolean {
    const t = this.now();
    if (t - this.windowStart >= this.windowMs) {
      this.windowStart = t;
      this.total = 0;
      this.perClient = new Map();
    }
    const used = this.perClient.get(client) ?? 0;
    if (used >= this.perClientLimit || this.total >= this.totalLimit) return false;
    this.perClient.set(client, used + 1);
    this.total++;
    return true;
  }
}
