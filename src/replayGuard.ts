/** Recently seen activity ids of one conversation, newest last, with when they were seen (ms). */
export type SeenActivities = Array<[id: string, seenAt: number]>;

const KEEP = 20;
const TTL_MS = 10 * 60_000;

/**
 * True when this activity id was already handled: a double click, a channel redelivery or a retried
 * POST must not apply a card action twice. Records the id otherwise. Small, bounded and expiring: it
 * lives in the conversation state, which holds ids only.
 */
export function seenBefore(seen: SeenActivities, activityId: string, now: number): { repeat: boolean; seen: SeenActivities } {
  const fresh = seen.filter(([, at]) => now - at < TTL_MS && at <= now + TTL_MS);
  if (fresh.some(([id]) => id === activityId)) return { repeat: true, seen: fresh };
  return { repeat: false, seen: [...fresh, [activityId, now] as [string, number]].slice(-KEEP) };
}
