import { TurnContext, type Activity, type ResourceResponse } from 'botbuilder';
import type { TextSet } from '../dialogs/texts';
import type { Logger } from './logger';
import { KeyedQueue } from './keyedQueue';
import { createRateLimiter } from './rateLimiter';
import { isETagConflict, StorageUnavailableError } from './storage';

export interface TurnRunnerOptions {
  run: (context: TurnContext) => Promise<unknown>;
  texts: TextSet;
  logger: Logger;
  /** Messages per conversation and minute before the bot asks the user to slow down. */
  ratePerMinute: number;
  /** Longest wait for the channel to accept one outgoing send; then the conversation moves on. */
  sendTimeoutMs?: number;
  now?: () => number;
}

const replyAddress = (context: TurnContext): Partial<Activity> =>
  TurnContext.applyConversationReference({}, TurnContext.getConversationReference(context.activity));

/** The channel accepted a send and did not answer in time. */
export class SendTimeoutError extends Error {
  override name = 'SendTimeoutError';
}

/**
 * Bounds every outgoing send of the turn. After one timeout the channel counts as stuck for the rest
 * of the turn: further sends fail at once instead of waiting again (the one notice is sent by the runner).
 */
function boundSends(context: TurnContext, timeoutMs: number): { stuck: () => boolean } {
  let stuck = false;
  context.onSendActivities(async (_ctx, _activities, next) => {
    if (stuck) throw new SendTimeoutError('channel did not answer');
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => {
        stuck = true;
        reject(new SendTimeoutError('channel did not answer'));
      }, timeoutMs);
    });
    try {
      return await Promise.race([next(), timeout]);
    } finally {
      clearTimeout(timer);
    }
  });
  return { stuck: () => stuck };
}

/**
 * Runs bot turns safely: one turn at a time per conversation, replies held back until the state is
 * saved (so a lost eTag race can be retried once without duplicate replies), a per-conversation rate
 * limit, and friendly replies when the state store is down.
 */
export function createTurnRunner(opts: TurnRunnerOptions): (context: TurnContext) => Promise<void> {
  const now = opts.now ?? Date.now;
  const queue = new KeyedQueue();
  const limited = createRateLimiter(opts.ratePerMinute, now);

  async function attempt(context: TurnContext): Promise<void> {
    const held: Partial<Activity>[] = [];
    let holding = true;
    context.onSendActivities(async (_ctx, activities, next) => {
      if (!holding) return next();
      const visible = activities.filter((a) => a.type !== 'typing');
      held.push(...visible);
      // Typing indicators go out at once; everything else waits for the state to be saved.
      if (visible.length < activities.length) await next().catch(() => undefined);
      return activities.map((): ResourceResponse => ({ id: '' }));
    });
    try {
      for (let tries = 1; ; tries++) {
        held.length = 0;
        try {
          await opts.run(context);
          break;
        } catch (err) {
          if (!isETagConflict(err)) throw err;
          opts.logger.warn({ activityType: context.activity.type, channel: context.activity.channelId, tries }, 'state conflict');
          if (tries >= 2) {
            held.length = 0;
            held.push({ type: 'message', text: opts.texts.conflict });
            break;
          }
        }
      }
    } finally {
      // Replies of a failed attempt are dropped; whatever the caller sends next goes out directly.
      holding = false;
    }
    if (held.length) await context.sendActivities(held);
  }

  /** One plain notice, straight to the channel past the stuck flag, itself bounded; if that fails too, nobody can be told. */
  async function tellSendFailed(context: TurnContext): Promise<void> {
    const adapter = context.adapter;
    const reply = { type: 'message', text: opts.texts.sendTimeout, ...replyAddress(context) } as Partial<Activity>;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, opts.sendTimeoutMs ?? 15_000)));
    await Promise.race([
      adapter.sendActivities(context, [reply]).then(
        () => undefined,
        () => undefined,
      ),
      timeout,
    ]);
    clearTimeout(timer);
  }

  return async (context: TurnContext) => {
    const key = `${context.activity.channelId}/${context.activity.conversation?.id}`;
    if (context.activity.type === 'message' && limited(key)) {
      await context.sendActivity(opts.texts.rateLimited);
      return;
    }
    await queue.run(key, async () => {
      const sends = boundSends(context, opts.sendTimeoutMs ?? 15_000);
      try {
        await attempt(context);
      } catch (err) {
        if (err instanceof SendTimeoutError || sends.stuck()) {
          opts.logger.warn(
            { activityType: context.activity.type, channel: context.activity.channelId, timeoutMs: opts.sendTimeoutMs ?? 15_000 },
            'send timed out',
          );
          await tellSendFailed(context);
          return;
        }
        if (!(err instanceof StorageUnavailableError)) throw err;
        opts.logger.error(
          { err: { type: err.name, operation: err.operation }, channel: context.activity.channelId },
          'state storage unavailable',
        );
        await context.sendActivity(opts.texts.storageUnavailable);
      }
    });
  };
}
