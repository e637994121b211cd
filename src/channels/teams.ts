import type { Activity, Middleware, TurnContext } from 'botbuilder';

/** Teams group chats and team channels: the bot speaks only when mentioned and keeps case facts out. */
export function isSharedConversation(activity: Partial<Activity>): boolean {
  const type = activity.conversation?.conversationType;
  return activity.channelId === 'msteams' && (type === 'groupChat' || type === 'channel');
}

export function mentionsBot(activity: Partial<Activity>): boolean {
  const botId = activity.recipient?.id;
  return (activity.entities ?? []).some((e) => e.type === 'mention' && (e as { mentioned?: { id?: string } }).mentioned?.id === botId);
}

/** Teams refuses messages over about 80 KB; text is split below this many characters per message. */
export const MAX_TEXT_CHARS = 20_000;

export function splitText(text: string, max = MAX_TEXT_CHARS): string[] {
  if (text.length <= max) return [text];
  const parts: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const window = rest.slice(0, max);
    const cut = Math.max(window.lastIndexOf('\n\n'), window.lastIndexOf('\n'), window.lastIndexOf('. ') + 1);
    const at = cut > max * 0.5 ? cut : max;
    parts.push(rest.slice(0, at).trimEnd());
    rest = rest.slice(at).trimStart();
  }
  if (rest) parts.push(rest);
  return parts;
}

function statusOf(err: unknown): number | undefined {
  const e = err as { statusCode?: number; status?: number; response?: { status?: number } } | undefined;
  return e?.statusCode ?? e?.status ?? e?.response?.status;
}

/**
 * The connector client's pipeline (@azure/core-rest-pipeline, default retry policy) already retries
 * 5xx (502, 503, 504 …) and network errors with exponential back-off, and 429/503 that carry a
 * Retry-After header, three times each. What it leaves alone and Teams asks bots to retry: 412, and a
 * 429 without Retry-After. Retrying more here would multiply the attempts (4 × 4 before).
 */
export function needsOwnRetry(err: unknown): boolean {
  const status = statusOf(err);
  if (status === 412) return true;
  if (status !== 429) return false;
  const headers = (err as { response?: { headers?: { get?: (n: string) => string | null | undefined } } })?.response?.headers;
  const retryAfter = ['retry-after', 'retry-after-ms', 'x-ms-retry-after-ms'].some((h) => headers?.get?.(h) != null);
  return !retryAfter;
}

export interface SendPolicy {
  attempts: number;
  baseDelayMs: number;
  sleep?: (ms: number) => Promise<void>;
}

/**
 * Edge middleware for Teams: splits over-long text messages and retries, with exponential back-off,
 * the transient send failures the SDK does not retry itself (see needsOwnRetry).
 */
export function teamsSendMiddleware(policy: SendPolicy = { attempts: 4, baseDelayMs: 500 }): Middleware {
  const sleep = policy.sleep ?? ((ms: number) => new Promise((r) => setTimeout(r, ms)));
  return {
    async onTurn(context: TurnContext, next: () => Promise<void>) {
      if (context.activity.channelId === 'msteams') {
        context.onSendActivities(async (_ctx, activities, send) => {
          const split = activities.flatMap((a) =>
            a.type === 'message' && typeof a.text === 'string' && a.text.length > MAX_TEXT_CHARS && !a.attachments?.length
              ? splitText(a.text).map((text) => ({ ...a, text }))
              : [a],
          );
          activities.splice(0, activities.length, ...split);
          for (let attempt = 1; ; attempt++) {
            try {
              return await send();
            } catch (err) {
              if (!needsOwnRetry(err) || attempt >= policy.attempts) throw err;
              await sleep(policy.baseDelayMs * 2 ** (attempt - 1));
            }
          }
        });
      }
      await next();
    },
  };
}
