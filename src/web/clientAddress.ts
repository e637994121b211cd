import type { Request } from 'restify';

/**
 * The address limits count per. Behind a reverse proxy every request comes from the proxy, so with
 * TRUST_PROXY the last X-Forwarded-For entry counts (the one the proxy itself added; earlier entries
 * are whatever the client claimed).
 */
export function clientAddress(req: Request, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = String(req.headers['x-forwarded-for'] ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    if (forwarded.length) return forwarded[forwarded.length - 1].slice(0, 64);
  }
  return req.socket?.remoteAddress ?? 'unknown';
}
