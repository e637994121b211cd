import { CloudAdapter, type ConfigurationBotFrameworkAuthenticationOptions, type Storage, type TurnContext } from 'botbuilder';
import { randomUUID } from 'node:crypto';
import restify from 'restify';
import { loadLexicon } from '../knowledge/lexicon';
import { loadSearch } from '../knowledge/load';
import type { KnowledgeSearch } from '../knowledge/search';
import { loadDialogContent } from '../dialogs/content';
import { knowledgeBase } from '../dialogs/knowledgeBase';
import { loadTexts } from '../dialogs/texts';
import { checklistQuery } from './web/checklistPage';
import { checklistPageUrl, mountChecklistPage } from './web/checklistRoute';
import { logRequests, mountFeedbackReport, mountHealth } from './web/opsRoutes';
import { createBot } from './bot';
import { directoryExtensionResults } from './extensionDirectory';
import { loadQueryVocabulary } from '../dialogs/directoryQuery';
import type { DirectoryResults } from './extensionSearch';
import type { Config } from './config';
import { createLogger, type Logger } from './logger';
import { ExpiringStorage, ResilientBlobStorage, sweepingMemoryStorage } from './storage';
import { createTurnRunner } from './turnRunner';
import { applyHttpLimits } from './httpLimits';
import { FeedbackStore } from './feedback';
import { encodingGuard, guardMessagesRequest } from './channels/httpGuards';
import { LotseAdapter, messagesEndpoint } from './channels/messagesEndpoint';
import { ReusingBotFrameworkAuthentication } from './channels/reusedConnectors';
import { teamsSendMiddleware } from './channels/teams';
import { mountTokenExchange } from './channels/azureDirectLine';
import { WebTurnAdapter } from './channels/webTurnAdapter';
import { mountWebChat } from './web/webChatRoutes';
import { mountWebConversations } from './web/webConversations';
import { WebTokens } from './web/webTokens';
import { WindowLimiter } from './web/windowLimiter';
import { localHostGuard } from './web/hostGuard';

export interface AppDeps {
  search?: KnowledgeSearch;
  storage?: Storage;
  logger?: Logger;
  now?: () => Date;
  /** Directory entries for the Teams message extension; default: the directory (dialogs/directory.yaml). */
  directoryResults?: DirectoryResults;
  /** Another law-change file (tests); default dialogs/amendments.yaml. */
  amendmentsFile?: string;
}

export interface LotseApp {
  server: restify.Server;
  adapter: CloudAdapter;
  bot: ReturnType<typeof createBot>;
  search: KnowledgeSearch;
  logger: Logger;
  feedback: FeedbackStore;
  /** Runs the web endpoint's turns (local and self-hosted web mode). */
  webAdapter: WebTurnAdapter;
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
  const lexicon = loadLexicon();
  const defs = loadDialogContent({
    knownSources: new Set(search.index.sources.map((s) => s.id)),
    knownPassages: (id) => search.passage(id) !== undefined,
    amendmentsFile: deps.amendmentsFile,
  });
  const publicUrl = (config.PUBLIC_URL ?? `http://localhost:${config.PORT}`).replace(/\/$/, '');
  const now = deps.now ?? (() => new Date());
  const ttlMs = config.STATE_TTL_HOURS * 3600 * 1000;
  let sweepMemory: (() => number) | undefined;
  let baseStorage = deps.storage;
  if (!baseStorage && config.STORAGE === 'blob')
    baseStorage = ResilientBlobStorage.forAzure(config.BLOB_CONNECTION_STRING!, config.BLOB_CONTAINER!);
  if (!baseStorage) ({ storage: baseStorage, sweep: sweepMemory } = sweepingMemoryStorage(ttlMs, () => now().getTime()));
  const storage = new ExpiringStorage(baseStorage, ttlMs, () => now().getTime());
  // Feedback counts hold no personal data and must outlive the conversation state: no expiry.
  const feedback = new FeedbackStore(baseStorage);
  const bot = createBot({
    storage,
    search,
    lexicon,
    texts,
    policy: { maxSourceAgeYears: config.SOURCE_MAX_AGE_YEARS },
    lawChanges: defs.lawChanges,
    corrections: defs.corrections,
    maxMessageLength: config.MAX_MESSAGE_LENGTH,
    defs,
    feedback,
    printUrl: (progress, language) => checklistPageUrl(publicUrl, checklistQuery(progress.facts), language),
    directoryResults: deps.directoryResults ?? directoryExtensionResults(defs.directory, loadQueryVocabulary(), texts, now),
    onExtensionError: (err) =>
      logger.error({ err: { type: err.name, stack: err.stack?.split('\n').slice(1, 4).join(' | ') } }, 'message extension failed'),
    now,
  });

  const runTurn = createTurnRunner({
    run: (context) => bot.run(context),
    texts: texts.de,
    logger,
    ratePerMinute: config.RATE_LIMIT_PER_MINUTE,
    sendTimeoutMs: config.SEND_TIMEOUT_MS,
    now: () => now().getTime(),
  });
  const sweeper = sweepMemory && setInterval(sweepMemory, Math.min(ttlMs, 10 * 60_000)).unref();

  const adapter = new LotseAdapter(new ReusingBotFrameworkAuthentication(authOptions(config)));
  adapter.use(teamsSendMiddleware());
  const onTurnError = async (context: TurnContext, error: Error) => {
    // The error's message may quote activity content; log its type and place only.
    logger.error(
      {
        err: { type: error.name, stack: error.stack?.split('\n').slice(1, 4).join(' | ') },
        activityType: context.activity.type,
        channel: context.activity.channelId,
      },
      'turn failed',
    );
    await context.sendActivity(texts.de.error).catch(() => undefined);
  };
  adapter.onTurnError = onTurnError;
  const webAdapter = new WebTurnAdapter();
  webAdapter.onTurnError = onTurnError;

  // restify logs through our pino (serializers and redaction), never its own logger to stdout.
  const server = restify.createServer({
    name: 'Lotse',
    handleUncaughtExceptions: false,
    log: logger.child({ component: 'http' }) as unknown as restify.ServerOptions['log'],
  });
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

  // Local mode answers only requests addressed to this machine by name (no DNS rebinding from a web page).
  if (config.web === 'local') server.pre(localHostGuard(config.PUBLIC_URL));
  logRequests(server, logger);
  if (config.servesMessages) {
    server.post(
      '/api/messages',
      encodingGuard,
      restify.plugins.bodyParser({ maxBodySize: config.BODY_LIMIT_KB * 1024, mapParams: false, rejectUnknown: true }),
      handleMessages,
    );
  }
  mountHealth(server, config.web === 'local' ? 'local' : config.mode === 'production' ? 'production' : config.web, search);
  mountChecklistPage(server, { defs, texts, now });
  mountWebChat(server, {
    web: config.web,
    widgetOrigins: config.widgetOrigins,
    directLineEndpoint: config.DIRECT_LINE_ENDPOINT,
    idleMinutes: config.WEBCHAT_IDLE_MINUTES,
    texts,
  });
  if (config.web === 'local') mountFeedbackReport(server, feedback);
  const creationLimiter = new WindowLimiter(config.WEB_CONVERSATIONS_PER_MINUTE, config.WEB_CONVERSATIONS_PER_MINUTE_TOTAL, 60_000, () =>
    now().getTime(),
  );
  const publicOrigin = config.PUBLIC_URL ? new URL(config.PUBLIC_URL).origin : undefined;
  if (config.web === 'azure') {
    mountTokenExchange(server, {
      secret: config.DIRECT_LINE_SECRET,
      endpoint: config.DIRECT_LINE_ENDPOINT,
      texts: texts.de,
      logger,
      limiter: creationLimiter,
      allowedOrigins: [new URL(publicUrl).origin, ...config.widgetOrigins],
      trustProxy: config.TRUST_PROXY,
    });
  } else {
    // With memory state a restart loses every conversation: a per-process epoch lets old tokens say so.
    const epoch = config.STORAGE === 'memory' && !deps.storage ? randomUUID().slice(0, 8) : 'shared';
    const tokens = new WebTokens(config.WEB_TOKEN_SECRET, epoch, config.WEBCHAT_IDLE_MINUTES * 60_000, ttlMs, () => now().getTime());
    mountWebConversations({
      server,
      adapter: webAdapter,
      logic: runTurn,
      tokens,
      creationLimiter,
      texts: texts.de,
      logger,
      bodyLimitBytes: config.BODY_LIMIT_KB * 1024,
      publicOrigin,
      trustProxy: config.TRUST_PROXY,
    });
  }

  const close = async () => {
    if (sweeper) clearInterval(sweeper);
    await new Promise<void>((resolve) => (server.server.listening ? server.close(() => resolve()) : resolve()));
  };

  return { server, webAdapter, close, feedback, adapter, bot, search, logger, handleMessages };
}
