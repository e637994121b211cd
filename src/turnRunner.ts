import type { Activity, ResourceResponse, TurnContext } from 'botbuilder';
import type { TextSet } from '../dialogs/texts';
import type { Logger } from './logger';
import { createRateLimiter } from './rateLimiter';
import { isETagConflict, StorageUnavailableError } from './storage';

export interface TurnRunnerOptions {
  run: (context: TurnContext) => Promise<unknown>;
  texts: TextSet;
  logger: Logger;
  /** Messages per conversation and minute before the bot asks the user to slow down. */
  ratePerMinute: number;
  now?: () => number;
}

/**
 * Runs bot turns safely: one turn at a time per conversation, replies held back until the state is
 * saved (so a lost eTag race can be retried once without duplicate replies), a per-conversation rate
 * limit, and friendly replies when the state store is down.
 */
export function createTurnRunner(opts: TurnRunnerOptions): (context: TurnContext) => Promise<void> {
  const now = opts.now ?? Date.now;
  const queues = new Map<string, Promise<void>>();
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

  return async (context: TurnContext) => {
    const key = `${context.activity.channelId}/${context.activity.conversation?.id}`;
    if (context.activity.type === 'message' && limited(key)) {
      await context.sendActivity(opts.texts.rateLimited);
      return;
    }
    const previous = queues.get(key) ?? Promise.resolve();
    const mine = previous.then(async () => {
      try {
        await attempt(context);
      } catch (err) {
        if (!(err instanceof StorageUnavailableError)) throw err;
        opts.logger.error({ err: { type: err.name, operation: err.operation }, channel: context.activity.channelId }, 'state storage unavailable');
        await context.sendActivity(opts.texts.storageUnavailable);
      }
    });
    const settled = mine.catch(() => undefined);
    queues.set(key, settled);
    try {
      await mine;
    } finally {
      if (queues.get(key) === settled) queues.delete(key);
    }
  };
}
