import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type TurnContext } from 'botbuilder';
import { loadTexts } from '../../dialogs/texts';
import { splitText, teamsSendMiddleware, MAX_TEXT_CHARS } from '../../src/channels/teams';
import { buildTestApp, cardOf, cardText, inject, injectInto, message, replies } from '../helpers/app';

const texts = loadTexts().de;
const app = buildTestApp();
const BOT = { id: '28:lotse-bot-id', name: 'Lotse' };

/** A Teams-shaped message activity; `mention` adds the mention entity Teams sends with "@Lotse". */
function teams(
  text: string | undefined,
  conversationType: 'personal' | 'groupChat' | 'channel',
  opts: { mention?: boolean; value?: unknown; id?: string } = {},
) {
  const mentionText = '<at>Lotse</at>';
  return message(opts.mention && text !== undefined ? `${mentionText} ${text}\r\n` : text, {
    channelId: 'msteams',
    serviceUrl: 'http://localhost:9',
    recipient: BOT,
    from: { id: '29:user', name: 'Fachkraft', aadObjectId: 'aad-user' },
    conversation: {
      id: `${conversationType}-${opts.id ?? '1'}`,
      conversationType,
      tenantId: 'tenant',
      ...(conversationType === 'channel' ? { name: 'Fall Müller' } : {}),
    },
    channelData: {
      tenant: { id: 'tenant' },
      ...(conversationType === 'channel' ? { team: { id: 'team-1' }, channel: { id: 'channel-1' } } : {}),
    },
    entities: opts.mention ? [{ type: 'mention', text: mentionText, mentioned: BOT }] : [],
    ...(opts.value ? { value: opts.value } : {}),
  });
}

describe('Microsoft Teams behaviour', () => {
  it('answers in a personal chat without a mention, with a 1.5 card', async () => {
    const [reply] = replies(await inject(app, teams('Kooperationsvereinbarung Sachsen-Anhalt', 'personal')));
    const card = cardOf(reply);
    expect(card.version).toBe('1.5');
    expect(cardText(card)).toMatch(/Sachsen-Anhalt/);
  });

  it.each(['groupChat', 'channel'] as const)('stays silent in a %s unless mentioned', async (type) => {
    const silent = await inject(app, teams('Kooperationsvereinbarung Sachsen-Anhalt', type));
    expect(replies(silent)).toHaveLength(0);
    const [reply] = replies(await inject(app, teams('Kooperationsvereinbarung Sachsen-Anhalt', type, { mention: true })));
    expect(cardText(cardOf(reply))).toMatch(/Sachsen-Anhalt/);
  });

  it('strips other mention tags and \\r\\n padding before searching', async () => {
    const activity = teams('<at>Kollegin</at> Kooperationsvereinbarung Sachsen-Anhalt', 'groupChat', { mention: true });
    const [reply] = replies(await inject(app, activity));
    expect(cardText(cardOf(reply))).toMatch(/Sachsen-Anhalt/);
  });

  it.each(['Erste Schritte', 'weiter', 'Zusammenfassung'])(
    'never runs a checklist in a channel ("%s"), offering a personal chat',
    async (text) => {
      const sent = replies(await inject(app, teams(text, 'channel', { mention: true, id: text })));
      expect(sent.map((a) => a.text)).toEqual([texts.personalOnly]);
    },
  );

  it('refuses case-fact buttons pressed in a group chat', async () => {
    const sent = replies(
      await inject(app, teams(undefined, 'groupChat', { value: { verb: 'checklist', action: 'fact', key: 'land', value: 'NW' } })),
    );
    expect(sent.map((a) => a.text)).toEqual([texts.personalOnly]);
  });

  it('runs the checklist in a personal chat', async () => {
    const [reply] = replies(await inject(app, teams('erste schritte', 'personal', { id: 'checklist' })));
    expect(cardText(cardOf(reply))).toMatch(/Fallangabe 1 von 5/);
  });

  it('introduces itself once when added to a team, not for every new member', async () => {
    const added = (members: Array<{ id: string }>) =>
      inject(app, { ...teams(undefined, 'channel', { id: 'welcome' }), type: 'conversationUpdate', membersAdded: members });
    const [welcome] = replies(await added([BOT]));
    // EU AI Act Art. 50: the first line says it is a machine, not a person.
    expect(cardOf(welcome).body[0].text).toMatch(/^Lotse ist ein automatisierter Assistent, kein Mensch/);
    expect(replies(await added([{ id: '29:new-colleague' }]))).toHaveLength(0);
  });
});

describe('Teams send edge', () => {
  function fakeContext() {
    let handler: ((ctx: TurnContext, activities: any[], next: () => Promise<any>) => Promise<any>) | undefined;
    const ctx = { activity: { channelId: 'msteams' }, onSendActivities: (h: typeof handler) => (handler = h) } as unknown as TurnContext;
    return { ctx, handler: () => handler! };
  }

  const failure = (statusCode: number, headers: Record<string, string> = {}) =>
    Object.assign(new Error(`status ${statusCode}`), { statusCode, response: { status: statusCode, headers: new Headers(headers) } });

  it('retries what the SDK leaves alone (412, 429 without Retry-After) with growing back-off, up to the last attempt', async () => {
    const delays: number[] = [];
    const middleware = teamsSendMiddleware({ attempts: 4, baseDelayMs: 100, sleep: async (ms) => void delays.push(ms) });
    const { ctx, handler } = fakeContext();
    await middleware.onTurn(ctx, async () => undefined);
    const failures = [failure(429), failure(412), failure(429)];
    let calls = 0;
    const send = async () => {
      calls++;
      const err = failures.shift();
      if (err) throw err;
      return [{ id: 'ok' }];
    };
    await expect(handler()(ctx, [{ type: 'message', text: 'x' }], send)).resolves.toEqual([{ id: 'ok' }]);
    expect(calls).toBe(4);
    expect(delays).toEqual([100, 200, 400]);
    calls = 0;
    const always = async () => {
      calls++;
      throw failure(412);
    };
    await expect(handler()(ctx, [{ type: 'message', text: 'x' }], always)).rejects.toThrow('status 412');
    expect(calls).toBe(4);
  });

  it.each([
    ['502', failure(502)],
    ['504', failure(504)],
    ['429 with Retry-After', failure(429, { 'retry-after': '1' })],
    ['403', failure(403)],
  ])('does not retry a %s on top of the SDK (it retried already, or it is final)', async (_name, err) => {
    const delays: number[] = [];
    const middleware = teamsSendMiddleware({ attempts: 4, baseDelayMs: 100, sleep: async (ms) => void delays.push(ms) });
    const { ctx, handler } = fakeContext();
    await middleware.onTurn(ctx, async () => undefined);
    let calls = 0;
    const send = async () => {
      calls++;
      throw err;
    };
    await expect(handler()(ctx, [{ type: 'message', text: 'x' }], send)).rejects.toBe(err);
    expect(calls).toBe(1);
    expect(delays).toEqual([]);
  });

  it("through the real connector client: our retries add to none of the SDK's", async () => {
    // A fake Teams service answering every send with the given status; counts what reaches it.
    const answer = { status: 429, headers: {} as Record<string, string> };
    let hits = 0;
    const teamsService = http.createServer((req, res) => {
      hits++;
      req.resume();
      res.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers });
      res.end(JSON.stringify({ error: { code: 'Throttled', message: 'slow down' } }));
    });
    await new Promise<void>((r) => teamsService.listen(0, '127.0.0.1', r));
    const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
    adapter.use(teamsSendMiddleware({ attempts: 3, baseDelayMs: 1 }));
    const serviceUrl = `http://127.0.0.1:${(teamsService.address() as AddressInfo).port}/`;
    const sendOne = async () => {
      hits = 0;
      let failed: unknown;
      await injectInto(
        (req, res) =>
          adapter.process(req, res, async (context) => {
            await context.sendActivity('Antwort').catch((err) => void (failed = err));
          }),
        { ...teams('hallo', 'personal', { id: 'retry' }), deliveryMode: 'normal', serviceUrl },
      );
      return { hits, status: (failed as { statusCode?: number } | undefined)?.statusCode };
    };
    try {
      answer.status = 429;
      answer.headers = {};
      expect(await sendOne()).toEqual({ hits: 3, status: 429 });
      answer.status = 412;
      expect(await sendOne()).toEqual({ hits: 3, status: 412 });
      // The SDK itself honours Retry-After three times (4 requests); 4 × 3 before this change.
      answer.status = 429;
      answer.headers = { 'retry-after': '0' };
      expect(await sendOne()).toEqual({ hits: 4, status: 429 });
    } finally {
      await new Promise<void>((r) => teamsService.close(() => r()));
    }
  });

  it('splits a text message over the Teams size limit at paragraph ends', async () => {
    const middleware = teamsSendMiddleware({ attempts: 1, baseDelayMs: 1 });
    const { ctx, handler } = fakeContext();
    await middleware.onTurn(ctx, async () => undefined);
    const long = Array.from({ length: 2000 }, (_, i) => `Absatz ${i} mit etwas Text.`).join('\n\n');
    const activities = [{ type: 'message', text: long }];
    await handler()(ctx, activities, async () => []);
    expect(activities.length).toBeGreaterThan(1);
    expect(activities.every((a) => a.text.length <= MAX_TEXT_CHARS)).toBe(true);
    expect(activities.map((a) => a.text).join('\n\n')).toBe(long);
    expect(splitText('kurz')).toEqual(['kurz']);
  });
});
