import { randomUUID } from 'node:crypto';
import type { Request, Response, Server } from 'restify';
import type { KnowledgeSearch } from '../../knowledge/search';
import type { FeedbackStore } from '../feedback';
import type { Logger } from '../logger';

/** GET /healthz: liveness plus which index is served. */
export function mountHealth(server: Server, mode: string, search: KnowledgeSearch): void {
  server.get('/healthz', async (_req: Request, res: Response) => {
    res.send(200, { status: 'ok', mode, passages: search.passageCount, indexBuiltAt: search.index.builtAt });
  });
}

/** GET /api/feedback/report: local mode keeps feedback in memory, so the report CLI asks the running server. */
export function mountFeedbackReport(server: Server, feedback: FeedbackStore): void {
  server.get('/api/feedback/report', async (_req: Request, res: Response) => {
    res.send(200, { rows: await feedback.report() });
  });
}

type TimedRequest = Request & { lotseStart?: number };

/** One log line per request: method, route pattern, status, duration. Never the URL's query or the body. */
export function logRequests(server: Server, logger: Logger): void {
  server.pre((req, _res, next) => {
    (req as TimedRequest).lotseStart = Date.now();
    return next();
  });
  server.on('after', (req: Request, res: Response) => {
    const started = (req as TimedRequest).lotseStart ?? Date.now();
    logger.info(
      {
        reqId: req.id?.() ?? randomUUID(),
        method: req.method,
        route: req.getRoute?.()?.path ?? 'unmatched',
        status: res.statusCode,
        ms: Date.now() - started,
      },
      'request',
    );
  });
}
