import type { Activity, CloudAdapter, TurnContext } from 'botbuilder';
import type { Request, Response, Server } from 'restify';
import restify from 'restify';
import { z } from 'zod';
import type { Logger } from '../logger';
import { DirectLineStore, type DirectLineLimits } from './directLineStore';
import { encodingGuard } from './httpGuards';
import { isLoopbackHost } from './loopback';

export const DL_BASE = '/v3/directline';
export const REPLY_BASE = '/api/directline/replies';
export const BOT_ACCOUNT = { id: 'lotse', name: 'Lotse', role: 'bot' };

/** What a Web Chat client may post: only the fields a user turn needs; the server sets ids, sender and channel. */
const ClientActivity = z
  .object({
    type: z.enum(['message', 'event', 'typing']),
    text: z.string().max(20_000).optional(),
    value: z.unknown().optional(),
    name: z.string().max(100).optional(),
    locale: z.string().max(20).optional(),
    textFormat: z.enum(['plain', 'markdown', 'xml']).optional(),
    channelData: z.object({ clientActivityID: z.string().max(200).optional() }).passthrough().optional(),
    from: z.object({ name: z.string().max(100).optional() }).passthrough().optional(),
  })
  .passthrough();

const BotActivity = z.object({ type: z.string().min(1).max(64) }).passthrough();

export interface DirectLineOptions {
  server: Server;
  adapter: CloudAdapter;
  logic: (context: TurnContext) => Promise<void>;
  limits: DirectLineLimits;
  bodyLimitBytes: number;
  logger: Logger;
  /** Base URL under which this server reaches itself (loopback), for the bot's replies. */
  selfUrl: () => string;
}

function fail(res: Response, status: number, message: string): void {
  res.send(status, { error: { code: status === 403 ? 'TokenExpiredOrInvalid' : status === 404 ? 'ConversationNotFound' : 'BadArgument', message } });
}

/**
 * The embedded Direct Line 3.0 subset that Web Chat needs in polling mode (local mode only):
 * conversations, activities, watermark polling and token refresh. User activities go to the bot through
 * the bot's own adapter with a serviceUrl pointing back here; the bot's replies land in the same stream.
 */
export function mountDirectLine(opts: DirectLineOptions): DirectLineStore {
  const store = new DirectLineStore(opts.limits);
  const { server } = opts;
  const json = restify.plugins.bodyParser({ maxBodySize: opts.bodyLimitBytes, mapParams: false, rejectUnknown: true });

  function dispatch(conversationId: string, activity: Partial<Activity>): void {
    const conversation = store.get(conversationId)!;
    const full = {
      ...activity,
      channelId: 'webchat',
      serviceUrl: `${opts.selfUrl()}${REPLY_BASE}`,
      conversation: { id: conversationId },
      recipient: BOT_ACCOUNT,
      from: { id: conversation.userId, name: activity.from?.name, role: 'user' },
    } as Activity;
    // The turn runs after the HTTP response: Web Chat sees its own activity first, then the replies.
    opts.adapter.processActivityDirect('', full, opts.logic).catch((err: Error) => opts.logger.error({ err: { type: err.name }, route: 'directline' }, 'web chat turn failed'));
  }

  server.post('/api/directline/token', async (_req: Request, res: Response) => {
    try {
      const { conversation, token, expiresIn } = store.create();
      res.send(200, { token, conversationId: conversation.id, expires_in: expiresIn, domain: `${DL_BASE}` });
    } catch {
      fail(res, 429, 'Zu viele offene Gespräche; bitte später erneut versuchen.');
    }
  });

  server.post(`${DL_BASE}/tokens/refresh`, async (req: Request, res: Response) => {
    const auth = store.authorize(req.headers.authorization);
    if ('status' in auth) return fail(res, auth.status, 'Token ungültig oder abgelaufen.');
    const fresh = store.issueToken(auth.conversation.id);
    res.send(200, { conversationId: auth.conversation.id, token: fresh.token, expires_in: fresh.expiresIn });
  });

  // The body (if any) is not used: no parsing, so nothing to exploit.
  server.post(`${DL_BASE}/conversations`, async (req: Request, res: Response) => {
    const auth = store.authorize(req.headers.authorization);
    if ('status' in auth) return fail(res, auth.status, 'Token ungültig oder abgelaufen.');
    const { conversation } = auth;
    res.send(201, { conversationId: conversation.id, token: auth.token, expires_in: Math.floor(opts.limits.tokenTtlMs / 1000) });
    if (!conversation.started) {
      conversation.started = true;
      // Both the bot and the user join, so welcome handlers fire as they do on Azure's Direct Line.
      dispatch(conversation.id, { type: 'conversationUpdate', membersAdded: [BOT_ACCOUNT, { id: conversation.userId, name: '' }] } as Partial<Activity>);
    }
  });

  server.get(`${DL_BASE}/conversations/:conversationId`, async (req: Request, res: Response) => {
    const auth = store.authorize(req.headers.authorization, req.params.conversationId);
    if ('status' in auth) return fail(res, auth.status, 'Kein Zugriff auf dieses Gespräch.');
    res.send(200, { conversationId: auth.conversation.id, token: auth.token });
  });

  server.get(`${DL_BASE}/conversations/:conversationId/activities`, async (req: Request, res: Response) => {
    const auth = store.authorize(req.headers.authorization, req.params.conversationId);
    if ('status' in auth) return fail(res, auth.status, 'Kein Zugriff auf dieses Gespräch.');
    res.header('cache-control', 'no-store');
    res.send(200, store.since(auth.conversation, Number(req.query?.watermark ?? 0)));
  });

  server.post(`${DL_BASE}/conversations/:conversationId/activities`, encodingGuard, ...json, async (req: Request, res: Response) => {
    const auth = store.authorize(req.headers.authorization, req.params.conversationId);
    if ('status' in auth) return fail(res, auth.status, 'Kein Zugriff auf dieses Gespräch.');
    const parsed = ClientActivity.safeParse(req.body);
    if (!parsed.success) return fail(res, 400, `Ungültige Activity: ${parsed.error.issues[0].path.join('.') || 'body'}`);
    const { conversation } = auth;
    const a = parsed.data;
    const clean = { type: a.type, text: a.text, value: a.value, name: a.name, locale: a.locale ?? 'de-DE', textFormat: a.textFormat, channelData: a.channelData };
    const id = store.append(conversation, { ...clean, channelId: 'webchat', conversation: { id: conversation.id }, from: { id: conversation.userId, name: a.from?.name, role: 'user' } });
    res.send(200, { id });
    dispatch(conversation.id, { ...clean, id } as Partial<Activity>);
  });

  const storeReply = async (req: Request, res: Response) => {
    if (!isLoopbackHost(req.socket.remoteAddress)) return fail(res, 403, 'Nur für den Bot dieses Servers.');
    const conversation = store.get(req.params.conversationId);
    if (!conversation) return fail(res, 404, 'Gespräch nicht gefunden.');
    const parsed = BotActivity.safeParse(req.body);
    if (!parsed.success) return fail(res, 400, 'Ungültige Activity.');
    const id = store.append(conversation, { ...parsed.data, from: BOT_ACCOUNT, conversation: { id: conversation.id } });
    res.send(200, { id });
  };
  server.post(`${REPLY_BASE}/v3/conversations/:conversationId/activities`, encodingGuard, ...json, storeReply);
  server.post(`${REPLY_BASE}/v3/conversations/:conversationId/activities/:replyToId`, encodingGuard, ...json, storeReply);

  return store;
}
