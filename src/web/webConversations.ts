import { createHash, randomUUID } from 'node:crypto';
import type { Activity, TurnContext } from 'botbuilder';
import restify, { type Request, type Response, type Server } from 'restify';
import { z } from 'zod';
import type { TextSet } from '../../dialogs/texts';
import type { WebTurnAdapter } from '../channels/webTurnAdapter';
import { encodingGuard } from '../channels/httpGuards';
import type { Logger } from '../logger';
import { clientAddress } from './clientAddress';
import { WebTokens, type WebTokenCheck } from './webTokens';
import type { WindowLimiter } from './windowLimiter';

export const WEB_BASE = '/api/web/conversations';
export const WEB_BOT = { id: 'lotse', name: 'Lotse', role: 'bot' };
/** Never contacted: every web turn is expectReplies. An unresolvable name makes any stray call fail closed. */
const NO_SERVICE_URL = 'https://web-replies.lotse.invalid/';

/** A card value larger than the limit, or nested too deep to serialise at all (a RangeError is not a 500). */
function tooBig(value: unknown, maxBytes: number): boolean {
  try {
    return JSON.stringify(value).length > maxBytes;
  } catch {
    return true;
  }
}

/** What the browser may post: a user message (text or a card's value); the server sets ids, sender and channel. */
const ClientActivity = z.object({
  type: z.enum(['message', 'typing']),
  text: z.string().max(20_000).optional(),
  value: z.unknown().optional(),
  locale: z.string().max(20).optional(),
  channelData: z
    .object({ clientActivityID: z.string().max(100).optional() })
    .passthrough()
    .optional(),
});

export interface WebConversationDeps {
  server: Server;
  adapter: WebTurnAdapter;
  logic: (context: TurnContext) => Promise<void>;
  tokens: WebTokens;
  creationLimiter: WindowLimiter;
  texts: TextSet;
  logger: Logger;
  bodyLimitBytes: number;
  maxValueBytes?: number;
  trustProxy?: boolean;
  /** Lotse's own public origin (PUBLIC_URL), if known; else the request's Host decides. */
  publicOrigin?: string;
}

function userIdOf(conversationId: string): string {
  return `wu_${createHash('sha256').update(conversationId).digest('base64url').slice(0, 22)}`;
}

/** Browsers send Origin on every POST fetch; only Lotse's own chat page (same origin) may use this endpoint. */
function fromOwnPage(req: Request, publicOrigin: string | undefined): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true; // not a browser: tokens and limits still apply
  if (publicOrigin && origin === publicOrigin) return true;
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}

/**
 * Lotse's own web endpoint (local and self-hosted web mode): the browser posts each user activity and
 * gets the bot's replies in the response. No conversation history is kept on the server (the browser
 * keeps the transcript); state lives in the bot's storage, so any instance can serve any turn.
 */
export function mountWebConversations(deps: WebConversationDeps): void {
  const { server, texts: t } = deps;
  const web = t.web;
  const json = restify.plugins.bodyParser({ maxBodySize: deps.bodyLimitBytes, mapParams: false, rejectUnknown: true });
  const maxValueBytes = deps.maxValueBytes ?? 8192;

  const fail = (res: Response, status: number, code: string, message: string) => {
    res.header('cache-control', 'no-store');
    res.send(status, { error: { code, message } });
  };
  const refuseToken = (res: Response, check: Exclude<WebTokenCheck, { ok: true }>) => {
    if (check.code === 'ConversationMismatch') return fail(res, 403, check.code, web.tokenInvalid);
    const message = check.code === 'ConversationLost' ? web.restartEnded : check.code === 'TokenExpired' ? web.expired : web.tokenInvalid;
    return fail(res, 401, check.code, message);
  };

  // Web Chat orders by timestamp: the user's activity gets the receive time, each reply a later one.
  const run = async (conversationId: string, activity: Partial<Activity>, receivedAt: Date): Promise<Record<string, unknown>[]> => {
    const full: Partial<Activity> = {
      ...activity,
      channelId: 'webchat',
      serviceUrl: NO_SERVICE_URL,
      conversation: { id: conversationId } as Activity['conversation'],
      from: { id: userIdOf(conversationId), role: 'user' } as Activity['from'],
      recipient: WEB_BOT as Activity['recipient'],
      timestamp: receivedAt,
    };
    const replies = await deps.adapter.runTurn(full, deps.logic);
    return replies
      .filter((r) => r.type === 'message')
      .map((r, i) => ({
        ...r,
        id: `${activity.id ?? 'welcome'}.r${i + 1}`,
        from: WEB_BOT,
        timestamp: new Date(receivedAt.getTime() + i + 1).toISOString(),
        replyToId: activity.id,
        conversation: { id: conversationId } as Activity['conversation'],
      }));
  };

  server.post(WEB_BASE, async (req: Request, res: Response) => {
    if (!fromOwnPage(req, deps.publicOrigin)) return fail(res, 403, 'OriginNotAllowed', web.originNotAllowed);
    if (!deps.creationLimiter.take(clientAddress(req, deps.trustProxy ?? false)))
      return fail(res, 429, 'TooManyConversations', web.tooManyConversations);
    const conversationId = WebTokens.newConversationId();
    const userId = userIdOf(conversationId);
    try {
      const activities = await run(
        conversationId,
        {
          type: 'conversationUpdate',
          id: `${conversationId}.start`,
          membersAdded: [WEB_BOT, { id: userId, name: '' }] as Activity['membersAdded'],
        },
        new Date(),
      );
      res.header('cache-control', 'no-store');
      res.send(201, { conversationId, userId, ...deps.tokens.issue(conversationId), activities });
    } catch (err) {
      deps.logger.error({ err: { type: (err as Error).name }, route: WEB_BASE }, 'web conversation start failed');
      fail(res, 503, 'Unavailable', t.webChatUnavailable);
    }
  });

  server.post(`${WEB_BASE}/:conversationId/activities`, encodingGuard, ...json, async (req: Request, res: Response) => {
    if (!fromOwnPage(req, deps.publicOrigin)) return fail(res, 403, 'OriginNotAllowed', web.originNotAllowed);
    const check = deps.tokens.check(req.headers.authorization, String(req.params.conversationId));
    if (!check.ok) return refuseToken(res, check);
    const parsed = ClientActivity.safeParse(req.body);
    if (!parsed.success) return fail(res, 400, 'BadActivity', web.badActivity);
    const a = parsed.data;
    if (a.value !== undefined && (a.value === null || typeof a.value !== 'object' || tooBig(a.value, maxValueBytes)))
      return fail(res, 400, 'BadActivity', web.badActivity);
    const { conversationId, startedAt } = check.grant;
    const fresh = deps.tokens.issue(conversationId, startedAt);
    // A retried POST of the same client activity has the same id, which the bot handles once only.
    const clientId = a.channelData?.clientActivityID?.replace(/[^\w-]/g, '');
    const id = clientId ? `c-${clientId}` : `s-${randomUUID()}`;
    if (a.type === 'typing') return res.send(200, { id, ...fresh, activities: [] });
    const receivedAt = new Date();
    try {
      const activities = await run(
        conversationId,
        {
          type: 'message',
          id,
          text: a.text,
          value: a.value,
          locale: a.locale ?? 'de-DE',
          channelData: a.channelData?.clientActivityID ? { clientActivityID: a.channelData.clientActivityID } : undefined,
        },
        receivedAt,
      );
      res.header('cache-control', 'no-store');
      res.send(200, { id, timestamp: receivedAt.toISOString(), ...fresh, activities });
    } catch (err) {
      deps.logger.error({ err: { type: (err as Error).name }, route: `${WEB_BASE}/:id/activities` }, 'web turn failed');
      fail(res, 503, 'Unavailable', t.webChatUnavailable);
    }
  });
}
