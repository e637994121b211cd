import { buildTestApp, listen, message, withServer, PRODUCTION_ENV } from '../helpers/app';
import { ConfigError, loadConfig } from '../../src/config';
import type { LotseApp } from '../../src/app';
import { isLoopbackHost, isLoopbackUrl } from '../../src/channels/loopback';

let app: LotseApp;
let base: string;

beforeAll(async () => {
  app = buildTestApp();
  base = await listen(app);
});
afterAll(() => app.close());

function post(body: string, headers: Record<string, string> = {}) {
  return fetch(`${base}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
}

describe('HTTP endpoint', () => {
  it('GET /healthz reports the loaded knowledge base', async () => {
    const res = await fetch(`${base}/healthz`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as any;
    expect(body).toMatchObject({ status: 'ok', mode: 'local' });
    expect(body.passages).toBeGreaterThan(40);
  });

  it('answers POST /api/messages with expectReplies, citing the source', async () => {
    const res = await post(JSON.stringify(message('Warum gibt es in Thüringen kein Kooperationskonzept?')));
    expect(res.status).toBe(200);
    const body = (await res.json()) as any;
    const card = body.activities.find((a: any) => a.type === 'message').attachments[0].content;
    expect(JSON.stringify(card)).toContain('Thüringen');
    // The document passage or the checklist step built from it (both say so); either way with source and Stand.
    expect(JSON.stringify(card)).toMatch(
      /Quelle: (Kooperationsvereinbarungen auf Länderebene|Checkliste: Kontakte und Netzwerk)[^"]*Stand: /,
    );
  });

  it.each([
    ['malformed JSON', '{"type":', {}, 400],
    ['a JSON array', '[1,2]', {}, 400],
    ['an activity without type', JSON.stringify({ ...message('x'), type: undefined }), {}, 400],
    ['a gzip header with a garbage body', 'not gzip at all', { 'content-encoding': 'gzip' }, 415],
    ['a non-JSON content type', 'hallo', { 'content-type': 'text/plain' }, 415],
    ['a 1 MB body', JSON.stringify(message('a'.repeat(1024 * 1024))), {}, 413],
    [
      'a foreign serviceUrl in local mode',
      JSON.stringify(message('Hallo', { deliveryMode: 'normal', serviceUrl: 'https://example.org/relay' })),
      {},
      403,
    ],
  ])('rejects %s with a clear 4xx and keeps running', async (_name, body, headers, status) => {
    const res = await post(body, headers as Record<string, string>);
    expect(res.status).toBe(status);
    expect(((await res.json()) as any).message).toEqual(expect.any(String));
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
  });
});

describe('"this machine" (one check for replies in local mode, Direct Line replies and the manifest warning)', () => {
  it.each(['localhost', 'LOCALHOST', 'bot.localhost', '127.0.0.1', '127.8.9.10', '::1', '[::1]', '::ffff:127.0.0.1', '0.0.0.0'])(
    '%s is this machine',
    (host) => {
      expect(isLoopbackHost(host)).toBe(true);
    },
  );

  it.each([
    '',
    'example.org',
    'localhost.example.org',
    '127.0.0.1.nip.io',
    '128.0.0.1',
    '10.0.0.1',
    '::2',
    '::ffff:10.0.0.1',
    '1270.0.0.1',
  ])('"%s" is not', (host) => {
    expect(isLoopbackHost(host)).toBe(false);
  });

  it('reads URLs by their host, and an unparsable URL is not this machine', () => {
    expect(isLoopbackUrl('http://[::1]:3978/api')).toBe(true);
    expect(isLoopbackUrl('http://127.0.0.1:9')).toBe(true);
    expect(isLoopbackUrl('https://127.0.0.1@example.org/')).toBe(false);
    expect(isLoopbackUrl('not a url')).toBe(false);
    expect(isLoopbackUrl(undefined)).toBe(false);
  });
});

describe('configuration', () => {
  it('runs in local mode on 127.0.0.1 without any settings', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ mode: 'local', host: '127.0.0.1', PORT: 3978 });
  });

  it('refuses a half-configured production mode, naming each missing setting', () => {
    expect(() => loadConfig({ MicrosoftAppId: '00000000-0000-0000-0000-000000000001' })).toThrow(ConfigError);
    const singleTenant = () => loadConfig({ MicrosoftAppId: '00000000-0000-0000-0000-000000000001', MicrosoftAppType: 'SingleTenant' });
    expect(singleTenant).toThrow(ConfigError);
    expect(singleTenant).toThrow(/MicrosoftAppTenantId/);
    expect(singleTenant).toThrow(/MicrosoftAppPassword/);
    expect(() =>
      loadConfig({ MicrosoftAppId: 'x', MicrosoftAppType: 'MultiTenant', MicrosoftAppTenantId: 't', MicrosoftAppPassword: 'p' }),
    ).toThrow(/SingleTenant or UserAssignedMSI/);
  });

  it('accepts a complete SingleTenant production setup and listens on all interfaces', () => {
    const config = loadConfig({
      MicrosoftAppId: 'id',
      MicrosoftAppType: 'SingleTenant',
      MicrosoftAppTenantId: 't',
      MicrosoftAppPassword: 'p',
    });
    expect(config).toMatchObject({ mode: 'production', host: '0.0.0.0' });
  });

  it.each([
    ['no Authorization header', {}],
    ['a garbage bearer token', { authorization: 'Bearer not.a.jwt' }],
    ['a non-bearer scheme', { authorization: 'Basic YWRtaW46YWRtaW4=' }],
  ])('rejects calls with %s in production mode (401) and runs no turn', async (_name, headers) => {
    const prod = buildTestApp(PRODUCTION_ENV);
    await withServer(prod, async (prodBase) => {
      const res = await fetch(`${prodBase}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(
          message('Kooperationsvereinbarung Sachsen-Anhalt', {
            deliveryMode: 'normal',
            serviceUrl: 'https://smba.trafficmanager.net/emea/',
          }),
        ),
      });
      expect(res.status).toBe(401);
      expect(await res.text()).not.toContain('Sachsen-Anhalt');
    });
  });
});
