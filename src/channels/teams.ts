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

const RETRY_STATUS = new Set([412, 429, 502, 504]);

function statusOf(err: unknown): number | undefined {
  const e = err as { statusCode?: number; status?: number; response?: { status?: number } } | undefined;
  return e?.statusCode ?? e?.status ?? e?.response?.status;
}

function retryAfterMs(err: unknown): number | undefined {
  const headers = (err as { response?: { headers?: { get?: (n: string) => string | null | undefined } } })?.response?.headers;
  const value = Number(headers?.get?.('retry-after'));
  return Number.isFinite(value) && value > 0 ? Math.min(value * 1000, 10_000) : undefined;
}

export interface SendPolicy {
  attempts: number;
  baseDelayMs: number;
  sleep?: (ms: number) => Promise<void>;
}

/**
 * Edge middleware for Teams: splits over-long text messages and retries sends that Teams throttles or
 * rejects transiently (429, 412, 502, 504) with exponential back-off, honouring Retry-After.
 */
export function teamsSendMiddleware(policy: SendPolicy = { attempts: 4, baseDelayMs: 500 }): Middleware {
  const sleep = policy.sleep ?? ((ms: number) => new Promise((r) => setTimeout(r, ms)));
  return {
    async onTurn(context: TurnContext, next: () => Promise<void>) {
      if (context.activity.channelId === 'msteams') {
        context.onSendActivities(async (_ctx, activities, send) => {
          const split = activities.flatMap((a) =>
            a.type === 'message' && typeof a.text === 'string' && a.text.length > MAX_TEXT_CHARS && !a.attachments?.length ? splitText(a.text).map((text) => ({ ...a, text })) : [a],
          );
          activities.splice(0, activities.length, ...split);
          for (let attempt = 1; ; attempt++) {
            try {
              return await send();
            } catch (err) {
              const status = statusOf(err);
              if (!status || !RETRY_STATUS.has(status) || attempt >= policy.attempts) throw err;
              await sleep(retryAfterMs(err) ?? policy.baseDelayMs * 2 ** (attempt - 1));
            }
          }
        });
      }
      await next();
    },
  };
}
