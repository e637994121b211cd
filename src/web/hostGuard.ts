import type { Next, Request, Response } from 'restify';
import { isLoopbackHost } from '../channels/loopback';

/**
 * Local mode has no authentication; a web page could still reach it through DNS rebinding (its own
 * name resolving to 127.0.0.1). Such requests carry that foreign name in Host, so only loopback names
 * and PUBLIC_URL's host are answered.
 */
export function localHostGuard(publicUrl: string | undefined) {
  const publicHost = publicUrl ? new URL(publicUrl).hostname.toLowerCase() : undefined;
  return (req: Request, res: Response, next: Next) => {
    const host = String(req.headers.host ?? '');
    let name = '';
    try {
      name = new URL(`http://${host}`).hostname.toLowerCase();
    } catch {
      name = '';
    }
    if (name && (isLoopbackHost(name) || name === publicHost)) return next();
    res.writeHead(421, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ code: 'MisdirectedRequest', message: 'Der lokale Modus antwortet nur unter localhost/127.0.0.1.' }));
    return next(false);
  };
}
