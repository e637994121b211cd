import { CloudAdapter, type Activity, type InvokeResponse, type TurnContext } from 'botbuilder';
import type { Request, Response } from 'restify';
import type { Logger } from '../logger';
import { createTurnGate } from './turnGate';

/** Dates arrive as strings; the SDK expects Date objects and keeps the raw text (as CloudAdapter.process does). */
function withDates(body: Record<string, unknown>): Activity {
  for (const field of ['timestamp', 'expiration', 'localTimestamp'] as const) {
    const value = body[field];
    if (typeof value === 'string') {
      body[`raw${field[0].toUpperCase()}${field.slice(1)}`] = value;
      body[field] = new Date(value);
    }
  }
  return body as unknown as Activity;
}

/** CloudAdapter with its turn entry point open, so the HTTP edge (not the SDK) decides what is logged. */
export class LotseAdapter extends CloudAdapter {
  processIncoming(
    authHeader: string,
    activity: Activity,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<InvokeResponse | undefined> {
    return this.processActivity(authHeader, activity, logic);
  }
}

const statusOf = (err: unknown): number | undefined => {
  const code = (err as { statusCode?: unknown } | null)?.statusCode;
  return typeof code === 'number' ? code : undefined;
};

/**
 * At most `burst` log lines per `windowMs`; the next line after a quiet spell says how many were left out.
 * Unauthenticated requests are cheap to send: they must not be able to flood the logs.
 */
function throttledLog(burst: number, windowMs: number, now: () => number = Date.now) {
  let windowStart = 0;
  let inWindow = 0;
  let suppressed = 0;
  return (write: (extra: { suppressed?: number }) => void) => {
    const t = now();
    if (t - windowStart >= windowMs) {
      windowStart = t;
      inWindow = 0;
    }
    if (inWindow >= burst) {
      suppressed++;
      return;
    }
    inWindow++;
    write(suppressed ? { suppressed } : {});
    suppressed = 0;
  };
}

/**
 * POST /api/messages as CloudAdapter.process does it, but errors become one short JSON log line each
 * (botbuilder prints a multi-line stack trace to stderr for every unauthenticated request). The
 * activity was checked by guardMessagesRequest before.
 */
export function messagesEndpoint(adapter: LotseAdapter, logic: (context: TurnContext) => Promise<void>, logger: Logger) {
  const logUnauthenticated = throttledLog(10, 10_000);
  const nextTurn = createTurnGate();
  return async (req: Request, res: Response): Promise<void> => {
    const end = (status: number, body?: unknown) => {
      res.status(status);
      if (body !== undefined) res.send(body);
      res.end();
    };
    const activity = withDates(req.body as Record<string, unknown>);
    const header = req.headers.authorization;
    await nextTurn();
    try {
      const invokeResponse = await adapter.processIncoming(typeof header === 'string' ? header : '', activity, logic);
      end(invokeResponse?.status ?? 200, invokeResponse?.body);
    } catch (err) {
      const status = statusOf(err);
      if (status === 401 || status === 403) {
        logUnauthenticated((extra) =>
          logger.warn({ status, channel: activity.channelId, hasAuthorization: Boolean(header), ...extra }, 'unauthenticated request'),
        );
        end(401, { code: 'Unauthorized', message: 'Anfrage nicht authentifiziert.' });
        return;
      }
      logger.error({ err: { type: (err as Error)?.name ?? typeof err }, channel: activity.channelId }, 'activity failed');
      end(500, { code: 'InternalError', message: 'Die Nachricht konnte nicht verarbeitet werden.' });
    }
  };
}
