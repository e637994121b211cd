import type { Next, Request, Response } from 'restify';
import { isLoopbackHost } from '../channels/loopback';

/**
 * Local mode has no authentication; a web page could still reach it through DNS rebinding (its own
 * name resolving to 127.0.0.1). Such requests carry that foreign name in Host, so only loopback names
 * and PUBLIC_URL's host are answered.
 */
export function localHostGuard(publicUrl: string | undefined) {
  const publicHost = publicUrl ? new URL(publicUrl).hostname.toLowerCase() : undefined;
  const allowed = (host: string) => {
    let name = '';
    try {
      name = new URL(`http://${host}`).hostname.toLowerCase();
    } catch {
      name = '';
    }
    return Boolean(name && (isLoopbackHost(name) || name === publicHost));
  };
  // Parsing the Host header as a URL on every request was about 1 % of a turn; a client sends the same few
  // values, so the answer for the most recent one is kept (any other value is parsed and checked as before).
  let lastHost: string | undefined;
  let lastAllowed = false;
  return (req: Request, res: Response, next: Next) => {
    const host = String(req.headers.host ?? '');
    if (host !== lastHost) {
      lastHost = host;
      lastAllowed = allowed(host);
    }
    if (lastAllowed) return next();
    res.writeHead(421, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ code: 'MisdirectedRequest', message: 'Der lokale Modus antwortet nur unter localhost/127.0.0.1.' }));
    return next(false);
  };
}
