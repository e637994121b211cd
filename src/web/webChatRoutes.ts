import fs from 'node:fs';
import path from 'node:path';
import type { Request, Response, Server } from 'restify';
import { findProjectRoot, projectRoot } from '../../knowledge/paths';
import { securityHeaders } from './securityHeaders';

/** Web Chat's UMD bundle from node_modules: the package's exports hide dist/, so go from its main file. */
export function webChatBundlePath(): string {
  return path.join(findProjectRoot(path.dirname(require.resolve('botframework-webchat'))), 'dist', 'webchat.js');
}

// The web chat may be framed by this site and talks to Direct Line; everything else as strict as /checkliste.
const WEB_CHAT_POLICY = {
  media: true,
  frameAncestors: "'self'" as const,
  connect: ['https://directline.botframework.com', 'wss://directline.botframework.com', 'https://*.directline.botframework.com', 'wss://*.directline.botframework.com'],
};

/** GET / (the page), the Web Chat bundle, the page script and the privacy and terms pages; all from this server, no CDN. */
export function mountWebChat(server: Server): void {
  const publicDir = path.join(projectRoot, 'src', 'web', 'public');
  const page = fs.readFileSync(path.join(publicDir, 'index.html'));
  const script = fs.readFileSync(path.join(publicDir, 'chat.js'));
  const printScript = fs.readFileSync(path.join(publicDir, 'checkliste.js'));
  const privacy = fs.readFileSync(path.join(publicDir, 'datenschutz.html'));
  const terms = fs.readFileSync(path.join(publicDir, 'nutzungsbedingungen.html'));
  const bundlePath = webChatBundlePath();
  let bundle: Buffer | undefined;

  const sendFile = (res: Response, body: Buffer, type: string, cache: string) => {
    res.writeHead(200, { ...securityHeaders({ ...WEB_CHAT_POLICY, cache }), 'content-type': type, 'content-length': body.length });
    res.end(body);
  };
  server.get('/', async (_req: Request, res: Response) => sendFile(res, page, 'text/html; charset=utf-8', 'no-cache'));
  // The Teams manifest links these by default (developer.privacyUrl, termsOfUseUrl).
  server.get('/datenschutz', async (_req: Request, res: Response) => sendFile(res, privacy, 'text/html; charset=utf-8', 'no-cache'));
  server.get('/nutzungsbedingungen', async (_req: Request, res: Response) => sendFile(res, terms, 'text/html; charset=utf-8', 'no-cache'));
  server.get('/webchat/chat.js', async (_req: Request, res: Response) => sendFile(res, script, 'text/javascript; charset=utf-8', 'no-cache'));
  server.get('/checkliste/drucken.js', async (_req: Request, res: Response) => {
    res.writeHead(200, { ...securityHeaders({ cache: 'no-cache' }), 'content-type': 'text/javascript; charset=utf-8', 'content-length': printScript.length });
    res.end(printScript);
  });
  server.get('/webchat/webchat.js', async (_req: Request, res: Response) => {
    bundle ??= fs.readFileSync(bundlePath);
    sendFile(res, bundle, 'text/javascript; charset=utf-8', 'public, max-age=86400');
  });
}
