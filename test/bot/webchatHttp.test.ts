import { tokenRequest, exchangeSecret } from '../../src/channels/azureDirectLine';
import { DirectLineStore } from '../../src/channels/directLineStore';
import type { LotseApp } from '../../src/app';
import { buildTestApp, listen, withServer } from '../helpers/app';

describe('embedded Direct Line (local mode)', () => {
  let app: LotseApp;
  let base: string;
  beforeAll(async () => {
    app = buildTestApp({ WEBCHAT_TOKEN_TTL_MINUTES: '1' });
    base = await listen(app);
  });
  afterAll(() => app.close());

  async function open() {
    const t = (await (await fetch(`${base}/api/directline/token`, { method: 'POST' })).json()) as { token: string; conversationId: string; domain: string };
    const headers = { authorization: `Bearer ${t.token}`, 'content-type': 'application/json' };
    expect((await fetch(`${base}${t.domain}/conversations`, { method: 'POST', headers })).status).toBe(201);
    return { ...t, headers, url: `${base}${t.domain}/conversations/${t.conversationId}/activities` };
  }

  async function poll(url: string, headers: Record<string, string>, until: (a: any[]) => boolean) {
    for (let i = 0; i < 50; i++) {
      const body = (await (await fetch(`${url}?watermark=0`, { headers })).json()) as { activities: any[]; watermark: string };
      if (until(body.activities)) return body;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('timed out waiting for activities');
  }

  it('serves the page, the Web Chat bundle from node_modules, and no CDN', async () => {
    const page = await (await fetch(`${base}/`)).text();
    expect(page).toContain('Bitte keine Namen oder Kontaktdaten von Betroffenen eingeben');
    expect(page).toContain('<html lang="de">');
    expect(page).not.toMatch(/https?:\/\/(?!www\.)/);
    const bundle = await fetch(`${base}/webchat/webchat.js`);
    expect(bundle.status).toBe(200);
    expect(Number(bundle.headers.get('content-length'))).toBeGreaterThan(1_000_000);
  });

  it.each(['/datenschutz', '/nutzungsbedingungen'])('serves %s, which the Teams manifest links', async (route) => {
    const res = await fetch(`${base}${route}`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('keine Namen oder Kontaktdaten von Betroffenen');
  });

  it('welcomes with suggested actions, echoes the user activity with its clientActivityID, then answers', async () => {
    const c = await open();
    const welcome = await poll(c.url, c.headers, (a) => a.some((x) => x.type === 'message'));
    expect(welcome.activities[0].suggestedActions.actions.map((a: any) => a.title)).toEqual(['Erste Schritte', 'Frage stellen', 'Notfall']);
    const posted = (await (await fetch(c.url, { method: 'POST', headers: c.headers, body: JSON.stringify({ type: 'message', text: 'Kooperationsvereinbarung Sachsen-Anhalt', from: { id: 'someone-else' }, channelData: { clientActivityID: 'client-1' } }) })).json()) as { id: string };
    const all = await poll(c.url, c.headers, (a) => a.filter((x) => x.type === 'message').length >= 3);
    const mine = all.activities.find((a) => a.id === posted.id);
    expect(mine.channelData.clientActivityID).toBe('client-1');
    expect(mine.from.id).not.toBe('someone-else');
    const answer = all.activities.filter((a) => a.type === 'message' && a.from.id === 'lotse').pop();
    expect(JSON.stringify(answer.attachments[0].content)).toContain('Sachsen-Anhalt');
    expect(answer.replyToId).toBe(posted.id);
  });

  it('never lets a token reach another conversation (403) and rejects missing or bad tokens', async () => {
    const a = await open();
    const b = await open();
    expect((await fetch(b.url, { headers: a.headers })).status).toBe(403);
    expect((await fetch(a.url, { headers: { authorization: 'Bearer nonsense' } })).status).toBe(403);
    expect((await fetch(a.url)).status).toBe(403);
    expect((await fetch(b.url, { method: 'POST', headers: a.headers, body: JSON.stringify({ type: 'message', text: 'x' }) })).status).toBe(403);
  });

  it('refreshes a token for the same conversation', async () => {
    const a = await open();
    const res = (await (await fetch(`${base}/v3/directline/tokens/refresh`, { method: 'POST', headers: a.headers })).json()) as { token: string; conversationId: string };
    expect(res.conversationId).toBe(a.conversationId);
    expect((await fetch(a.url, { headers: { authorization: `Bearer ${res.token}` } })).status).toBe(200);
  });

  it('expires tokens and deletes idle conversations with their activities', () => {
    let now = Date.parse('2026-11-25T10:00:00Z');
    const s = new DirectLineStore({ tokenTtlMs: 1000, idleMs: 5000, maxActivities: 10, maxConversations: 10 }, () => now);
    try {
      const { conversation, token } = s.create();
      s.append(conversation, { type: 'message', text: 'geheim' });
      now += 999;
      expect(s.authorize(`Bearer ${token}`)).toMatchObject({ conversation: { id: conversation.id } });
      now += 1;
      expect(s.authorize(`Bearer ${token}`)).toEqual({ status: 403 });
      // Expired token, but the conversation was used 1 ms ago: it stays.
      s.sweep();
      expect(s.get(conversation.id)?.activities).toEqual([expect.objectContaining({ text: 'geheim' })]);
      now += 5000;
      s.sweep();
      expect(s.get(conversation.id)).toBeUndefined();
      expect(s.size).toBe(0);
    } finally {
      s.close();
    }
  });

  it('accepts replies only from this machine and only for existing conversations', async () => {
    const res = await fetch(`${base}/api/directline/replies/v3/conversations/unknown/activities`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ type: 'message', text: 'x' }) });
    expect(res.status).toBe(404);
  });
});

describe('Azure Direct Line in production mode', () => {
  it('builds the token request server-side with the secret as bearer and a generated user id', () => {
    const req = tokenRequest('geheimes-secret', 'https://directline.botframework.com/v3/directline/', 'dl_test');
    expect(req.url).toBe('https://directline.botframework.com/v3/directline/tokens/generate');
    expect(req.init.method).toBe('POST');
    expect(req.init.headers.authorization).toBe('Bearer geheimes-secret');
    expect(JSON.parse(req.init.body)).toEqual({ user: { id: 'dl_test' } });
  });

  it('returns only token and conversation id, never the secret', async () => {
    const calls: Array<[string, RequestInit]> = [];
    const fake = (async (url: string, init: RequestInit) => {
      calls.push([url, init]);
      return new Response(JSON.stringify({ token: 'tok', conversationId: 'conv', expires_in: 1800 }), { status: 200 });
    }) as unknown as typeof fetch;
    const result = await exchangeSecret('s3cret', 'https://directline.example/v3/directline', fake);
    expect(result).toEqual({ token: 'tok', conversationId: 'conv', expires_in: 1800 });
    expect(JSON.stringify(result)).not.toContain('s3cret');
    expect(calls).toHaveLength(1);
  });

  it('the token route answers 503 with a clear message when no secret is configured', async () => {
    const prod = buildTestApp({ MicrosoftAppId: 'id', MicrosoftAppType: 'SingleTenant', MicrosoftAppTenantId: 't', MicrosoftAppPassword: 'p' });
    await withServer(prod, async (base) => {
      const res = await fetch(`${base}/api/directline/token`, { method: 'POST' });
      expect(res.status).toBe(503);
      expect(((await res.json()) as any).error.message).toMatch(/DIRECT_LINE_SECRET/);
      expect((await fetch(`${base}/v3/directline/conversations`, { method: 'POST' })).status).toBe(404);
    });
  });
});
