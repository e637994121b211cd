/**
 * Per-key message limit over a sliding minute, estimated from two fixed one-minute windows: the count of
 * the current window plus the previous window's count weighted by how much of it still overlaps. Each
 * call costs O(1) however many keys were seen; old keys vanish when their window generation is dropped.
 */
export function createRateLimiter(perMinute: number, now: () => number): (key: string) => boolean {
  const WINDOW = 60_000;
  let windowStart = Math.floor(now() / WINDOW) * WINDOW;
  let current = new Map<string, number>();
  let previous = new Map<string, number>();

  return (key: string) => {
    const t = now();
    const start = Math.floor(t / WINDOW) * WINDOW;
    if (start !== windowStart) {
      // One window later the current counts become the previous ones; after a longer pause both are stale.
      previous = start - windowStart === WINDOW ? current : new Map();
      current = new Map();
      windowStart = start;
    }
    const count = (current.get(key) ?? 0) + 1;
    current.set(key, count);
    const overlap = 1 - (t - windowStart) / WINDOW;
    return count + (previous.get(key) ?? 0) * overlap > perMinute;
  };
}
