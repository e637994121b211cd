import type { Request, Response, Server } from 'restify';
import type { Definitions } from '../../dialogs/engine';
import type { Language, Texts } from '../../dialogs/texts';
import { factsFromQuery, renderChecklistPage, renderInvalidPage } from './checklistPage';
import { securityHeaders } from './securityHeaders';

export interface ChecklistRouteDeps {
  defs: Definitions;
  texts: Texts;
  now: () => Date;
}

/** GET /checkliste?<facts>[&lang=en]: the printable checklist the menu card links to. */
export function mountChecklistPage(server: Server, deps: ChecklistRouteDeps): void {
  server.get('/checkliste', async (req: Request, res: Response) => {
    const query = (req.query ?? {}) as Record<string, unknown>;
    const lang: Language = query.lang === 'en' ? 'en' : 'de';
    const t = deps.texts[lang];
    const { facts, invalid } = factsFromQuery(query);
    const html = invalid.length ? renderInvalidPage(invalid, t, lang) : renderChecklistPage(deps.defs, facts, t, lang, deps.now());
    // The URL carries case facts: strict CSP, no referrer, no caching, no framing (securityHeaders' defaults).
    res.writeHead(invalid.length ? 400 : 200, { ...securityHeaders(), 'content-type': 'text/html; charset=utf-8' });
    res.end(html);
  });
}

/** The link to that page for the chosen case facts. */
export function checklistPageUrl(publicUrl: string, query: string, language: Language): string {
  return `${publicUrl}/checkliste?${query}${language === 'en' ? '&lang=en' : ''}`;
}
