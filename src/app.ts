import { randomUUID } from 'node:crypto';
import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type ConfigurationBotFrameworkAuthenticationOptions,
  type Storage,
  type TurnContext,
} from 'botbuilder';
import restify from 'restify';
import { compileLegalNotes } from '../knowledge/legalNotes';
import { loadLexicon } from '../knowledge/lexicon';
import { loadSearch } from '../knowledge/load';
import type { KnowledgeSearch } from '../knowledge/search';
import { loadDialogContent } from '../dialogs/content';
import { knowledgeBase } from '../dialogs/knowledgeBase';
import { loadLegalNotes } from '../dialogs/legalNotes';
import { loadTexts } from '../dialogs/texts';
import { checklistQuery, factsFromQuery, renderChecklistPage } from './web/checklistPage';
import { createBot } from './bot';
import type { Config } from './config';
import { createLogger, type Logger } from './logger';
import { ExpiringStorage, ResilientBlobStorage, sweepingMemoryStorage } from './storage';
import { createTurnRunner } from './turnRunner';
import { applyHttpLimits } from './httpLimits';
import { FeedbackStore } from './feedback';
import { encodingGuard, guardMessagesRequest } from './channels/httpGuards';
import { mountDirectLine } from './channels/directLine';
import { LotseAdapter, messagesEndpoint } from './channels/messagesEndpoint';
import { teamsSendMiddleware } from './channels/teams';
import type { DirectLineStore } from './channels/directLineStore';
import { exchangeSecret } from './channels/azureDirectLine';
import { mountWebChat } from './web/webChatRoutes';
import { securityHeaders } from './web/securityHeaders';

export interface AppDeps {
  search?: KnowledgeSearch;
  storage?: Storage;
  logger?: Logger;
  now?: () => Date;
}

export interface LotseApp {
  server: restify.Server;
  adapter: CloudAdapter;
  bot: ReturnType<typeof createBot>;
  search: KnowledgeSearch;
  logger: Logger;
  feedback: FeedbackStore;
  /** The embedded Direct Line's conversations (local mode only). */
  directLine?: DirectLineStore;
  close(): Promise<void>;
  /** Runs one HTTP request through the adapter and the bot, exactly as POST /api/messages does. */
  handleMessages(req: restify.Request, res: restify.Response): Promise<void>;
}

function authOptions(config: Config): ConfigurationBotFrameworkAuthenticationOptions {
  return {
    MicrosoftAppId: config.MicrosoftAppId ?? '',
    MicrosoftAppPassword: config.MicrosoftAppPassword ?? '',
    MicrosoftAppType: config.MicrosoftAppType ?? '',
    MicrosoftAppTenantId: config.MicrosoftAppTenantId ?? '',
  };
}

/** The app's composition root: builds routes, adapter, bot and wires the knowledge providers; never listens (server.ts does). */
export function createApp(config: Config, deps: AppDeps = {}): LotseApp {
  const logger = deps.logger ?? createLogger(config.LOG_LEVEL);
  const search = deps.search ?? loadSearch(config.KB_INDEX_PATH, knowledgeBase());
  const texts = loadTexts();
  const legalNotes = loadLegalNotes();
  const lexicon = loadLexicon();
  const defs = loadDialogContent({ knownSources: new Set(search.index.sources.map((s) => s.id)) });
  const publicUrl = (config.PUBLIC_URL ?? `http://localhost:${config.PORT}`).replace(/\/$/, '');
  const now = deps.now ?? (() => new Date());
  const ttlMs = config.STATE_TTL_HOURS * 3600 * 1000;
  let sweepMemory: (() => number) | undefined;
  let baseStorage = deps.storage;
  if (!baseStorage && config.STORAGE === 'blob') baseStorage = ResilientBlobStorage.forAzure(config.BLOB_CONNECTION_STRING!, config.BLOB_CONTAINER!);
  if (!baseStorage) ({ storage: baseStorage, sweep: sweepMemory } = sweepingMemoryStorage(ttlMs, () => now().getTime()));
  const storage = new ExpiringStorage(baseStorage, ttlMs, () => now().getTime());
  // Feedback counts hold no personal data and must outlive the conversation state: no expiry.
  const feedback = new FeedbackStore(baseStorage);
  let directLine: DirectLineStore | undefined;
  const bot = createBot({
    storage,
    search,
    lexicon,
    texts,
    policy: { maxSourceAgeYears: config.SOURCE_MAX_AGE_YEARS, legalNotes: compileLegalNotes(legalNotes) },
    legalNotes,
    maxMessageLength: config.MAX_MESSAGE_LENGTH,
    defs,
    forgetChannelData: (conversationId) => directLine?.clear(conversationId),
    feedback,
    printUrl: (progress) => `${publicUrl}/checkliste?${checklistQuery(progress.facts)}`,
    now,
  });

  const runTurn = createTurnRunner({ run: (context) => bot.run(context), texts: texts.de, logger, ratePerMinute: config.RATE_LIMIT_PER_MINUTE, sendTimeoutMs: config.SEND_TIMEOUT_MS, now: () => now().getTime() });
  const sweeper = sweepMemory && setInterval(sweepMemory, Math.min(ttlMs, 10 * 60_000)).unref();

  const adapter = new LotseAdapter(new ConfigurationBotFrameworkAuthentication(authOptions(config)));
  adapter.use(teamsSendMiddleware());
  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    // The error's message may quote activity content; log its type and place only.
    logger.error({ err: { type: error.name, stack: error.stack?.split('\n').slice(1, 4).join(' | ') }, activityType: context.activity.type, channel: context.activity.channelId }, 'turn failed');
    await context.sendActivity(texts.de.error).catch(() => undefined);
  };

  // restify logs through our pino (serializers and redaction), never its own logger to stdout.
  const server = restify.createServer({ name: 'Lotse', handleUncaughtExceptions: false, log: logger.child({ component: 'http' }) as unknown as restify.ServerOptions['log'] });
  server.use(restify.plugins.queryParser());
  applyHttpLimits(server.server, {
    headersTimeoutMs: config.HTTP_HEADERS_TIMEOUT_MS,
    requestTimeoutMs: config.HTTP_REQUEST_TIMEOUT_MS,
    keepAliveTimeoutMs: config.HTTP_KEEPALIVE_TIMEOUT_MS,
    maxConnections: config.HTTP_MAX_CONNECTIONS,
  });

  const processMessages = messagesEndpoint(adapter, runTurn, logger);
  const handleMessages = async (req: restify.Request, res: restify.Response) => {
    if (!guardMessagesRequest(req, res, config)) return;
    await processMessages(req, res);
  };

  server.pre((req, _res, next) => {
    (req as restify.Request & { lotseStart?: number }).lotseStart = Date.now();
    return next();
  });
  server.on('after', (req: restify.Request, res: restify.Response) => {
    const started = (req as restify.Request & { lotseStart?: number }).lotseStart ?? Date.now();
    logger.info({ reqId: req.id?.() ?? randomUUID(), method: req.method, route: req.getRoute?.()?.path ?? 'unmatched', status: res.statusCode, ms: Date.now() - started }, 'request');
  });

  server.post('/api/messages', encodingGuard, restify.plugins.bodyParser({ maxBodySize: config.BODY_LIMIT_KB * 1024, mapParams: false, rejectUnknown: true }), handleMessages);
  server.get('/healthz', async (_req: restify.Request, res: restify.Response) => {
    res.send(200, { status: 'ok', mode: config.mode, passages: search.passageCount, indexBuiltAt: search.index.builtAt });
  });

  server.get('/checkliste', async (req: restify.Request, res: restify.Response) => {
    const { facts, invalid } = factsFromQuery(req.query ?? {});
    const status = invalid.length ? 400 : 200;
    const html = invalid.length
      ? `<!doctype html><html lang="de"><meta charset="utf-8"><title>Lotse</title><p>Ungültige Angabe in: ${invalid.join(', ')}. Erlaubt sind die Werte aus den Schaltflächen von „Erste Schritte“.</p></html>`
      : renderChecklistPage(defs, facts, texts.de, now());
    res.writeHead(status, { ...securityHeaders(), 'content-type': 'text/html; charset=utf-8' });
    res.end(html);
  });

  mountWebChat(server);
  if (config.mode === 'local') {
    // Local mode keeps feedback in memory: the report CLI asks the running server (loopback only by default).
    server.get('/api/feedback/report', async (_req: restify.Request, res: restify.Response) => {
      res.send(200, { rows: await feedback.report() });
    });
    directLine = mountDirectLine({
      server,
      adapter,
      logic: runTurn,
      limits: {
        tokenTtlMs: config.WEBCHAT_TOKEN_TTL_MINUTES * 60_000,
        idleMs: config.WEBCHAT_IDLE_MINUTES * 60_000,
        maxActivities: 500,
        maxConversations: config.WEBCHAT_MAX_CONVERSATIONS,
      },
      bodyLimitBytes: config.BODY_LIMIT_KB * 1024,
      logger,
      selfUrl: () => `http://${config.host === '::1' ? '[::1]' : '127.0.0.1'}:${server.address().port}`,
    });
  } else {
    server.post('/api/directline/token', async (_req: restify.Request, res: restify.Response) => {
      if (!config.DIRECT_LINE_SECRET) {
        res.send(503, { error: { code: 'NotConfigured', message: 'Der Web-Chat ist nicht eingerichtet (DIRECT_LINE_SECRET fehlt).' } });
        return;
      }
      try {
        const { token, conversationId, expires_in } = await exchangeSecret(config.DIRECT_LINE_SECRET, config.DIRECT_LINE_ENDPOINT);
        res.send(200, { token, conversationId, expires_in });
      } catch (err) {
        logger.error({ err: { type: (err as Error).name }, route: '/api/directline/token' }, 'token exchange failed');
        res.send(502, { error: { code: 'DirectLineUnavailable', message: 'Der Chat ist gerade nicht erreichbar.' } });
      }
    });
  }

  const close = async () => {
    directLine?.close();
    if (sweeper) clearInterval(sweeper);
    await new Promise<void>((resolve) => (server.server.listening ? server.close(() => resolve()) : resolve()));
  };

  return { server, directLine, close, feedback, adapter, bot, search, logger, handleMessages };
}
