import fs from 'node:fs';
import path from 'node:path';
import type { Request, Response, Server } from 'restify';
import type { Texts } from '../../dialogs/texts';
import { findProjectRoot, projectRoot } from '../../knowledge/paths';
import { securityHeaders, type PagePolicy } from './securityHeaders';
import type { WebMode } from '../config';

/** Web Chat's UMD bundle from node_modules: the package's exports hide dist/, so go from its main file. */
export function webChatBundlePath(): string {
  return path.join(findProjectRoot(path.dirname(require.resolve('botframework-webchat'))), 'dist', 'webchat.js');
}

export interface WebChatOptions {
  web: WebMode;
  /** Sites allowed to embed the chat page (WIDGET_ORIGINS). */
  widgetOrigins: readonly string[];
  /** Azure Direct Line endpoint (azure mode): the only other place the page may connect to. */
  directLineEndpoint: string;
  idleMinutes: number;
  texts: Texts;
}

/** The chat page may be framed by this site and the WIDGET_ORIGINS, and talks to Azure Direct Line in azure mode only. */
function pagePolicy(opts: WebChatOptions): PagePolicy {
  const dl = new URL(opts.directLineEndpoint).host;
  return {
    media: true,
    frameAncestors: ["'self'", ...opts.widgetOrigins].join(' '),
    connect: opts.web === 'azure' ? [`https://${dl}`, `wss://${dl}`] : [],
  };
}

/** A script with its settings and texts filled in at serve time (CSP script-src 'self': no inline script). */
function withSettings(file: string, settings: unknown): Buffer {
  const json = JSON.stringify(settings)
    .replace(/</g, '\\u003c')
    .replace(/\u2028|\u2029/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`);
  const source = fs.readFileSync(file, 'utf8');
  const placeholder = /\/\*LOTSE_SETTINGS\*\/\s*null/;
  if (!placeholder.test(source)) throw new Error(`${file}: placeholder /*LOTSE_SETTINGS*/ null missing`);
  return Buffer.from(source.replace(placeholder, () => json));
}

/** GET / and /embed (the chat page), /widget.js, the Web Chat bundle, the page script, privacy and terms; no CDN. */
export function mountWebChat(server: Server, opts: WebChatOptions): void {
  const publicDir = path.join(projectRoot, 'src', 'web', 'public');
  const page = fs.readFileSync(path.join(publicDir, 'index.html'));
  const printScript = fs.readFileSync(path.join(publicDir, 'checkliste.js'));
  // "Gespräch beenden" sends the forget command in the page's language, as the user would type it.
  const pageTexts = (t: Texts['de']) => ({ ...t.web, forgetWord: t.commands.forget.words[0] });
  const browserTexts = { de: pageTexts(opts.texts.de), en: pageTexts(opts.texts.en) };
  const script = withSettings(path.join(publicDir, 'chat.js'), {
    mode: opts.web,
    idleMinutes: opts.idleMinutes,
    widgetOrigins: opts.widgetOrigins,
    texts: browserTexts,
  });
  const widget = withSettings(path.join(publicDir, 'widget.js'), {
    widgetOrigins: opts.widgetOrigins,
    texts: { de: opts.texts.de.web, en: opts.texts.en.web },
  });
  const privacy = fs.readFileSync(path.join(publicDir, 'datenschutz.html'));
  const terms = fs.readFileSync(path.join(publicDir, 'nutzungsbedingungen.html'));
  const bundlePath = webChatBundlePath();
  let bundle: Buffer | undefined;
  const policy = pagePolicy(opts);

  const sendFile = (res: Response, body: Buffer, type: string, cache: string, extra: Record<string, string> = {}) => {
    res.writeHead(200, { ...securityHeaders({ ...policy, cache }), 'content-type': type, 'content-length': body.length, ...extra });
    res.end(body);
  };
  const html = (body: Buffer) => async (_req: Request, res: Response) => sendFile(res, body, 'text/html; charset=utf-8', 'no-cache');
  server.get('/', html(page));
  // The widget's iframe: the same page; chat.js drops the page header when it is framed.
  server.get('/embed', html(page));
  // The Teams manifest links these by default (developer.privacyUrl, termsOfUseUrl).
  server.get('/datenschutz', html(privacy));
  server.get('/nutzungsbedingungen', html(terms));
  server.get('/webchat/chat.js', async (_req: Request, res: Response) =>
    sendFile(res, script, 'text/javascript; charset=utf-8', 'no-cache'),
  );
  server.get('/checkliste/drucken.js', async (_req: Request, res: Response) => {
    res.writeHead(200, {
      ...securityHeaders({ cache: 'no-cache' }),
      'content-type': 'text/javascript; charset=utf-8',
      'content-length': printScript.length,
    });
    res.end(printScript);
  });
  // Loaded by other sites' pages: cross-origin readable as a script, never with cookies.
  server.get('/widget.js', async (_req: Request, res: Response) =>
    sendFile(res, widget, 'text/javascript; charset=utf-8', 'no-cache', { 'cross-origin-resource-policy': 'cross-origin' }),
  );
  server.get('/webchat/webchat.js', async (_req: Request, res: Response) => {
    bundle ??= fs.readFileSync(bundlePath);
    sendFile(res, bundle, 'text/javascript; charset=utf-8', 'public, max-age=86400');
  });
}
