import { randomUUID } from 'node:crypto';
import type { Request, Response, Server } from 'restify';
import type { TextSet } from '../../dialogs/texts';
import type { Logger } from '../logger';
import { clientAddress } from '../web/clientAddress';
import type { WindowLimiter } from '../web/windowLimiter';

export interface TokenRequest {
  url: string;
  init: { method: 'POST'; headers: Record<string, string>; body: string };
}

/** The request that exchanges the Direct Line secret for a per-conversation token; the secret stays on the server. */
export function tokenRequest(secret: string, endpoint: string, userId = `dl_${randomUUID()}`): TokenRequest {
  return {
    url: `${endpoint.replace(/\/$/, '')}/tokens/generate`,
    init: {
      method: 'POST',
      headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
      body: JSON.stringify({ user: { id: userId } }),
    },
  };
}

export async function exchangeSecret(
  secret: string,
  endpoint: string,
  fetchImpl: typeof fetch = fetch,
): Promise<{ token: string; conversationId: string; expires_in: number }> {
  const { url, init } = tokenRequest(secret, endpoint);
  const res = await fetchImpl(url, { ...init, signal: AbortSignal.timeout(10_000) });
  if (!res.ok) throw new Error(`Direct Line token exchange failed with HTTP ${res.status}`);
  const body = (await res.json()) as { token?: string; conversationId?: string; expires_in?: number };
  if (!body.token || !body.conversationId) throw new Error('Direct Line token exchange returned no token');
  return { token: body.token, conversationId: body.conversationId, expires_in: body.expires_in ?? 1800 };
}

export interface TokenRouteDeps {
  secret?: string;
  endpoint: string;
  texts: TextSet;
  logger: Logger;
  /** Each token costs Direct Line quota: per client and globally per minute. */
  limiter: WindowLimiter;
  /** Origins whose pages may ask for a token: Lotse's own (PUBLIC_URL) and WIDGET_ORIGINS. */
  allowedOrigins: readonly string[];
  fetchImpl?: typeof fetch;
  trustProxy?: boolean;
}

/**
 * The Direct Line `domain` Web Chat must use (createDirectLine({ domain })): the regional endpoint the
 * token came from, so messages stay in that region instead of going to the global endpoint.
 */
export function directLineDomain(endpoint: string): string {
  return endpoint.replace(/\/$/, '');
}

function originAllowed(req: Request, allowed: readonly string[]): boolean {
  const origin = req.headers.origin;
  if (origin) return allowed.includes(origin);
  // No Origin: not a web page (browsers send it with every POST fetch); the Host must still be Lotse's.
  return allowed.some((o) => new URL(o).host === req.headers.host);
}

/** POST /api/directline/token (production): the web chat page gets a per-conversation token, never the secret. */
export function mountTokenExchange(server: Server, deps: TokenRouteDeps): void {
  server.post('/api/directline/token', async (req: Request, res: Response) => {
    if (!deps.secret) {
      res.send(503, { error: { code: 'NotConfigured', message: deps.texts.webChatNotConfigured } });
      return;
    }
    if (!originAllowed(req, deps.allowedOrigins)) {
      res.send(403, { error: { code: 'OriginNotAllowed', message: deps.texts.web.originNotAllowed } });
      return;
    }
    if (!deps.limiter.take(clientAddress(req, deps.trustProxy ?? false))) {
      res.send(429, { error: { code: 'TooManyConversations', message: deps.texts.web.tooManyConversations } });
      return;
    }
    try {
      const { token, conversationId, expires_in } = await exchangeSecret(deps.secret, deps.endpoint, deps.fetchImpl);
      res.header('cache-control', 'no-store');
      res.send(200, { token, conversationId, expires_in, domain: directLineDomain(deps.endpoint) });
    } catch (err) {
      deps.logger.error({ err: { type: (err as Error).name }, route: '/api/directline/token' }, 'token exchange failed');
      res.send(502, { error: { code: 'DirectLineUnavailable', message: deps.texts.webChatUnavailable } });
    }
  });
}
