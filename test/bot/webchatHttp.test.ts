import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tokenRequest, exchangeSecret } from '../../src/channels/azureDirectLine';
import { ConfigError, loadConfig } from '../../src/config';
import { main } from '../../src/server';
import type { LotseApp } from '../../src/app';
import { WebTokens } from '../../src/web/webTokens';
import { KnowledgeSearch } from '../../knowledge/search';
import { buildTestApp, listen, withServer, PRODUCTION_ENV } from '../helpers/app';
import { openWeb } from '../helpers/web';

const PROD = PRODUCTION_ENV;

const cardsText = (activities: any[]) => JSON.stringify(activities.map((a) => a.attachments?.[0]?.content ?? a.text));

describe('Lotse web endpoint (local mode)', () => {
  let app: LotseApp;
  let base: string;
  beforeAll(async () => {
    app = buildTestApp({ WIDGET_ORIGINS: 'https://intranet.example.org, https://www.beratung.example' });
    base = await listen(app);
  });
  afterAll(() => app.close());

  it('serves the page, the Web Chat bundle from node_modules, and no CDN; the chat page may be framed only by WIDGET_ORIGINS', async () => {
    for (const route of ['/', '/embed']) {
      const res = await fetch(`${base}${route}`);
      const page = await res.text();
      expect(page).toContain('Bitte keine Namen oder Kontaktdaten von Betroffenen eingeben');
      expect(page).not.toMatch(/https?:\/\/(?!www\.)/);
      expect(res.headers.get('content-security-policy')).toMatch(
        /frame-ancestors 'self' https:\/\/intranet\.example\.org https:\/\/www\.beratung\.example(;|$)/,
      );
      expect(res.headers.get('content-security-policy')).toContain("connect-src 'self';");
    }
    const bundle = await fetch(`${base}/webchat/webchat.js`);
    expect(bundle.status).toBe(200);
    expect(Number(bundle.headers.get('content-length'))).toBeGreaterThan(1_000_000);
    expect((await fetch(`${base}/`)).headers.get('set-cookie')).toBeNull();
  });

  it('serves /widget.js with the allowed sites and the texts from texts.yaml filled in, and no external URL', async () => {
    const res = await fetch(`${base}/widget.js`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/javascript/);
    const js = await res.text();
    expect(js).not.toContain('/*LOTSE_SETTINGS*/null');
    expect(js).toContain('"widgetOrigins":["https://intranet.example.org","https://www.beratung.example"]');
    expect(js).toContain('"launcher":"Lotse fragen"');
    expect(js).toContain('"endConversation":"Gespräch beenden"');
    // The only URLs: the allowed sites and the example in the usage comment; no cookies, no other requests.
    expect(js.replace(/https:\/\/(intranet\.example\.org|www\.beratung\.example|lotse\.example\.org)/g, '')).not.toMatch(/https?:\/\//);
    expect(js).not.toMatch(/document\.cookie|fetch\(|XMLHttpRequest/);
    const chat = await (await fetch(`${base}/webchat/chat.js`)).text();
    expect(chat).toContain('"restartEnded":"Lotse wurde neu gestartet');
  });

  it.each(['/datenschutz', '/nutzungsbedingungen'])('serves %s, which the Teams manifest links', async (route) => {
    const res = await fetch(`${base}${route}`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('keine Namen oder Kontaktdaten von Betroffenen');
  });

  it('starts with the welcome whose first line says it is a machine, then answers with the source in the response', async () => {
    const c = await openWeb(base);
    expect(c.conversationId).toMatch(/^web_/);
    const welcome = c.activities[0];
    expect(welcome.attachments[0].content.body[0].text).toMatch(/^Lotse ist ein automatisierter Assistent, kein Mensch/);
    expect(welcome.attachments[0].content.fallbackText).toMatch(/^Lotse ist ein automatisierter Assistent/);
    expect(welcome.suggestedActions.actions.map((a: any) => a.title)).toEqual(['Erste Schritte', 'Frage stellen', 'Notfall']);
    const r = await c.send({
      type: 'message',
      text: 'Kooperationsvereinbarung Sachsen-Anhalt',
      from: { id: 'someone-else' },
      channelData: { clientActivityID: 'client-1' },
    });
    expect(r.status).toBe(200);
    expect(r.body.id).toBe('c-client-1');
    const answer = r.body.activities.pop();
    expect(answer.from).toMatchObject({ id: 'lotse', role: 'bot' });
    expect(answer.replyToId).toBe('c-client-1');
    expect(cardsText([answer])).toContain('Sachsen-Anhalt');
    expect(cardsText([answer])).toContain('Quelle: Kooperationsvereinbarungen auf Länderebene');
    expect(Date.parse(answer.timestamp)).toBeGreaterThan(Date.parse(r.body.timestamp));
  });

  it('in English the welcome starts with the English machine notice', async () => {
    const t = await import('../../dialogs/texts');
    expect(t.loadTexts().en.machineNotice).toMatch(/^Lotse is an automated assistant, not a person/);
  });

  it('answers 401 without or with a forged token, 403 for another conversation; a token never opens another conversation', async () => {
    const a = await openWeb(base);
    const b = await openWeb(base);
    const text = { type: 'message', text: 'zusammenfassung' };
    const noToken = await fetch(a.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(text) });
    expect(noToken.status).toBe(401);
    expect((await a.send(text, 'nonsense')).status).toBe(401);
    const [id, started, expires, epoch] = a.token().split('.');
    expect((await a.send(text, `${id}.${started}.${Number(expires) + 1e9}.${epoch}.AAAA`)).status).toBe(401);
    const crossed = await a.send(text, b.token());
    expect(crossed.status).toBe(403);
    expect(JSON.stringify(crossed.body)).not.toMatch(/Zusammenfassung|Übergabe/);
    // The same conversation id with a token of another one: still 403, also via the path's other spelling.
    const other = await fetch(`${base}/api/web/conversations/${encodeURIComponent(b.conversationId)}/activities`, {
      method: 'POST',
      headers: { authorization: `Bearer ${a.token()}`, 'content-type': 'application/json' },
      body: JSON.stringify(text),
    });
    expect(other.status).toBe(403);
  });

  it('says "restart ended the conversation" for a token of an earlier process (memory state), and "expired" after the idle time', async () => {
    const c = await openWeb(base);
    const earlier = new WebTokens(undefined, 'beforeRestart', 60_000, 3_600_000).issue(c.conversationId).token;
    const lost = await c.send({ type: 'message', text: 'weiter' }, earlier);
    expect(lost).toMatchObject({ status: 401, body: { error: { code: 'ConversationLost' } } });
    expect(lost.body.error.message).toMatch(/neu gestartet/);
    let now = Date.parse('2026-11-25T10:00:00Z');
    const tokens = new WebTokens('x'.repeat(40), 'e', 60_000, 3_600_000, () => now);
    const token = tokens.issue('web_00000000-0000-4000-8000-000000000000').token;
    expect(tokens.check(`Bearer ${token}`, 'web_00000000-0000-4000-8000-000000000000')).toMatchObject({ ok: true });
    now += 60_000;
    expect(tokens.check(`Bearer ${token}`, 'web_00000000-0000-4000-8000-000000000000')).toEqual({ ok: false, code: 'TokenExpired' });
    // Activity keeps a conversation alive, but never beyond its maximum life (STATE_TTL_HOURS).
    now += 3_600_000;
    expect(tokens.issue('web_00000000-0000-4000-8000-000000000000', now - 3_600_000).expiresIn).toBe(0);
  });

  it('limits bodies and values, ignores typing without a turn, and refuses other pages and unknown fields', async () => {
    const c = await openWeb(base);
    const big = await fetch(c.url, {
      method: 'POST',
      headers: { authorization: `Bearer ${c.token()}`, 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'message', text: 'x'.repeat(300 * 1024) }),
    });
    expect(big.status).toBe(413);
    expect((await c.send({ type: 'message', value: { a: 'x'.repeat(9000) } })).status).toBe(400);
    expect((await c.send({ type: 'message', value: null })).status).toBe(400);
    expect((await c.send({ type: 'event', name: 'x' })).status).toBe(400);
    expect(await c.send({ type: 'typing' })).toMatchObject({ status: 200, body: { activities: [] } });
    const foreign = await fetch(`${base}/api/web/conversations`, { method: 'POST', headers: { origin: 'https://evil.example' } });
    expect(foreign.status).toBe(403);
    const foreignTurn = await fetch(c.url, {
      method: 'POST',
      headers: { origin: 'https://evil.example', authorization: `Bearer ${c.token()}`, 'content-type': 'application/json' },
      body: '{"type":"message","text":"x"}',
    });
    expect(foreignTurn.status).toBe(403);
  });

  it('limits conversation starts per client (blind POSTs cannot lock others out for long: one minute, per client)', async () => {
    const limited = buildTestApp({ WEB_CONVERSATIONS_PER_MINUTE: '3' });
    await withServer(limited, async (b) => {
      const codes = [];
      for (let i = 0; i < 5; i++) codes.push((await fetch(`${b}/api/web/conversations`, { method: 'POST' })).status);
      expect(codes).toEqual([201, 201, 201, 429, 429]);
    });
  });

  it('behind a reverse proxy (TRUST_PROXY=1) counts per forwarded client, not per proxy address', async () => {
    await withServer(buildTestApp({ WEB_CONVERSATIONS_PER_MINUTE: '2', TRUST_PROXY: '1' }), async (b) => {
      const start = (client: string) =>
        fetch(`${b}/api/web/conversations`, { method: 'POST', headers: { 'x-forwarded-for': `203.0.113.9, ${client}` } }).then(
          (r) => r.status,
        );
      expect([await start('198.51.100.1'), await start('198.51.100.1'), await start('198.51.100.1')]).toEqual([201, 201, 429]);
      expect(await start('198.51.100.2')).toBe(201);
    });
  });

  it('keeps nothing of a conversation on the server: "vergessen" and the state are all there is', async () => {
    const c = await openWeb(base);
    await c.send({ type: 'message', text: 'Kooperationsvereinbarung Sachsen-Anhalt' });
    // The response carries the replies; there is no route to read a history back.
    expect((await fetch(`${c.url}`, { headers: { authorization: `Bearer ${c.token()}` } })).status).toBe(405);
    expect((await fetch(`${base}/v3/directline/conversations`, { method: 'POST' })).status).toBe(404);
    const forgot = await c.send({ type: 'message', text: 'vergessen' });
    expect(cardsText(forgot.body.activities)).toMatch(/gelöscht/);
  });

  it('answers local-mode routes only under a loopback Host name (DNS rebinding)', async () => {
    const status = (host: string) =>
      new Promise<number>((resolve, reject) => {
        const u = new URL(base);
        http
          .get({ host: u.hostname, port: u.port, path: '/healthz', headers: { host } }, (res) => resolve(res.statusCode ?? 0))
          .on('error', reject);
      });
    await expect(status('evil.example:3978')).resolves.toBe(421);
    await expect(status(`localhost:${new URL(base).port}`)).resolves.toBe(200);
    await expect(status(`127.0.0.1:${new URL(base).port}`)).resolves.toBe(200);
    // The guard remembers its last answer: a foreign name right after an allowed one is still refused.
    await expect(status('evil.example:3978')).resolves.toBe(421);
    await expect(status('localhost.evil.example')).resolves.toBe(421);
  });
});

describe('modes and binding', () => {
  it('started by main(): the port opens at once, then the dictionaries are loaded in the background, before any question', async () => {
    const prepare = jest.spyOn(KnowledgeSearch.prototype, 'prepare');
    const app = main({ PORT: '0', LOG_LEVEL: 'silent' }, () => undefined);
    if (typeof app === 'number') throw new Error('did not start');
    try {
      if (!app.server.server.listening) await new Promise((resolve) => app.server.server.once('listening', resolve));
      await new Promise((resolve) => setImmediate(resolve));
      expect(prepare).toHaveBeenCalledTimes(1);
      const words = prepare.mock.results[0].value as { germanWords: number; englishWords: number };
      expect(words.germanWords).toBeGreaterThan(40_000);
      expect(words.englishWords).toBeGreaterThan(40_000);
      const c = await openWeb(`http://127.0.0.1:${app.server.address().port}`);
      const r = await c.send({ type: 'message', text: 'Is there an emergency shelter for her tonight?' });
      expect(cardsText(r.body.activities)).toMatch(/"lang":"en"[\s\S]*Source/);
    } finally {
      prepare.mockRestore();
      await app.close();
    }
  }, 60_000);

  it('refuses to start local mode (no app id) on a non-loopback HOST, naming HOST and the alternatives', () => {
    for (const HOST of ['0.0.0.0', '192.168.1.20', '::']) {
      expect(() => loadConfig({ HOST })).toThrow(ConfigError);
      expect(() => loadConfig({ HOST })).toThrow(
        new RegExp(`HOST=${HOST.replace(/\./g, '\\.')}[\\s\\S]*WEB_MODE=selfhosted[\\s\\S]*MicrosoftAppId`),
      );
    }
    const lines: string[] = [];
    expect(main({ HOST: '0.0.0.0' }, (t) => lines.push(t))).toBe(1);
    expect(lines.join('')).toMatch(/HOST=0\.0\.0\.0/);
    expect(loadConfig({ HOST: '127.0.0.1' })).toMatchObject({ web: 'local', servesMessages: true });
    expect(loadConfig({ WEB_MODE: 'selfhosted' })).toMatchObject({ web: 'selfhosted', host: '0.0.0.0', servesMessages: false });
    expect(loadConfig({ ...PROD, WEB_MODE: 'selfhosted' })).toMatchObject({ web: 'selfhosted', servesMessages: true });
    expect(loadConfig(PROD)).toMatchObject({ web: 'azure' });
    expect(() => loadConfig({ WEB_MODE: 'azure' })).toThrow(/WEB_MODE/);
    expect(() => loadConfig({ WIDGET_ORIGINS: 'https://ok.example, intranet.example.org/pfad' })).toThrow(/WIDGET_ORIGINS/);
    expect(() => loadConfig({ WEB_TOKEN_SECRET: 'kurz' })).toThrow(/WEB_TOKEN_SECRET/);
  });
});

describe('Azure Direct Line in production mode', () => {
  it('builds the token request server-side with the secret as bearer and a generated user id', () => {
    const req = tokenRequest('geheimes-secret', 'https://directline.botframework.com/v3/directline/', 'dl_test');
    expect(req.url).toBe('https://directline.botframework.com/v3/directline/tokens/generate');
    expect(req.init.headers.authorization).toBe('Bearer geheimes-secret');
    expect(JSON.parse(req.init.body)).toEqual({ user: { id: 'dl_test' } });
  });

  it('returns only token and conversation id, never the secret', async () => {
    const fake = (async () =>
      new Response(JSON.stringify({ token: 'tok', conversationId: 'conv', expires_in: 1800 }), { status: 200 })) as unknown as typeof fetch;
    const result = await exchangeSecret('s3cret', 'https://directline.example/v3/directline', fake);
    expect(result).toEqual({ token: 'tok', conversationId: 'conv', expires_in: 1800 });
  });

  it('the token route answers 503 with a clear message when no secret is configured, and serves no web endpoint', async () => {
    await withServer(buildTestApp(PROD), async (base) => {
      const res = await fetch(`${base}/api/directline/token`, { method: 'POST' });
      expect(res.status).toBe(503);
      expect(((await res.json()) as any).error.message).toMatch(/DIRECT_LINE_SECRET/);
      expect((await fetch(`${base}/api/web/conversations`, { method: 'POST' })).status).toBe(404);
    });
  });

  it('lets 200 anonymous token requests reach the Direct Line service at most 30 times, only from the site origins, and returns the regional domain', async () => {
    let upstreamCalls = 0;
    const upstream = http.createServer((req, res) => {
      upstreamCalls++;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ token: `tok-${upstreamCalls}`, conversationId: `conv-${upstreamCalls}`, expires_in: 1800 }));
    });
    await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
    const endpoint = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}/v3/directline`;
    const app = buildTestApp({
      ...PROD,
      DIRECT_LINE_SECRET: 'geheim',
      DIRECT_LINE_ENDPOINT: endpoint,
      PUBLIC_URL: 'https://lotse.example.org',
      WIDGET_ORIGINS: 'https://intranet.example.org',
    });
    try {
      await withServer(app, async (base) => {
        const ask = (origin?: string) => fetch(`${base}/api/directline/token`, { method: 'POST', headers: origin ? { origin } : {} });
        expect((await ask('https://evil.example')).status).toBe(403);
        const first = await ask('https://intranet.example.org');
        expect(first.status).toBe(200);
        const body = (await first.json()) as any;
        expect(body.domain).toBe(endpoint);
        expect(JSON.stringify(body)).not.toContain('geheim');
        const codes = await Promise.all(Array.from({ length: 199 }, () => ask('https://lotse.example.org').then((r) => r.status)));
        expect(upstreamCalls).toBeLessThanOrEqual(30);
        expect(codes.filter((c) => c === 429).length).toBeGreaterThanOrEqual(170);
      });
    } finally {
      await new Promise((resolve) => upstream.close(resolve));
    }
  });

  it('a regional DIRECT_LINE_ENDPOINT is what the page may connect to (CSP) besides Lotse itself', async () => {
    await withServer(
      buildTestApp({ ...PROD, DIRECT_LINE_ENDPOINT: 'https://europe.directline.botframework.com/v3/directline' }),
      async (base) => {
        const csp = (await fetch(`${base}/`)).headers.get('content-security-policy');
        expect(csp).toContain("connect-src 'self' https://europe.directline.botframework.com wss://europe.directline.botframework.com;");
      },
    );
  });
});
