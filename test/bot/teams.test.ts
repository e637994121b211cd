import type { TurnContext } from 'botbuilder';
import { loadTexts } from '../../dialogs/texts';
import { splitText, teamsSendMiddleware, MAX_TEXT_CHARS } from '../../src/channels/teams';
import { buildTestApp, cardOf, cardText, inject, message, replies } from '../helpers/app';

const texts = loadTexts().de;
const app = buildTestApp();
const BOT = { id: '28:lotse-bot-id', name: 'Lotse' };

/** A Teams-shaped message activity; `mention` adds the mention entity Teams sends with "@Lotse". */
function teams(text: string | undefined, conversationType: 'personal' | 'groupChat' | 'channel', opts: { mention?: boolean; value?: unknown; id?: string } = {}) {
  const mentionText = '<at>Lotse</at>';
  return message(opts.mention && text !== undefined ? `${mentionText} ${text}\r\n` : text, {
    channelId: 'msteams',
    serviceUrl: 'http://localhost:9',
    recipient: BOT,
    from: { id: '29:user', name: 'Fachkraft', aadObjectId: 'aad-user' },
    conversation: { id: `${conversationType}-${opts.id ?? '1'}`, conversationType, tenantId: 'tenant', ...(conversationType === 'channel' ? { name: 'Fall Müller' } : {}) },
    channelData: { tenant: { id: 'tenant' }, ...(conversationType === 'channel' ? { team: { id: 'team-1' }, channel: { id: 'channel-1' } } : {}) },
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

  it.each(['Erste Schritte', 'weiter', 'Zusammenfassung'])('never runs a checklist in a channel ("%s"), offering a personal chat', async (text) => {
    const sent = replies(await inject(app, teams(text, 'channel', { mention: true, id: text })));
    expect(sent.map((a) => a.text)).toEqual([texts.personalOnly]);
  });

  it('refuses case-fact buttons pressed in a group chat', async () => {
    const sent = replies(await inject(app, teams(undefined, 'groupChat', { value: { verb: 'checklist', action: 'fact', key: 'land', value: 'NW' } })));
    expect(sent.map((a) => a.text)).toEqual([texts.personalOnly]);
  });

  it('runs the checklist in a personal chat', async () => {
    const [reply] = replies(await inject(app, teams('erste schritte', 'personal', { id: 'checklist' })));
    expect(cardText(cardOf(reply))).toMatch(/Fallangabe 1 von 5/);
  });

  it('introduces itself once when added to a team, not for every new member', async () => {
    const added = (members: Array<{ id: string }>) => inject(app, { ...teams(undefined, 'channel', { id: 'welcome' }), type: 'conversationUpdate', membersAdded: members });
    expect(replies(await added([BOT]))).toHaveLength(1);
    expect(replies(await added([{ id: '29:new-colleague' }]))).toHaveLength(0);
  });
});

describe('Teams send edge', () => {
  function fakeContext() {
    let handler: ((ctx: TurnContext, activities: any[], next: () => Promise<any>) => Promise<any>) | undefined;
    const ctx = { activity: { channelId: 'msteams' }, onSendActivities: (h: typeof handler) => (handler = h) } as unknown as TurnContext;
    return { ctx, handler: () => handler! };
  }

  it('retries 429/412/502/504 with growing back-off and gives up after the last attempt', async () => {
    const delays: number[] = [];
    const middleware = teamsSendMiddleware({ attempts: 4, baseDelayMs: 100, sleep: async (ms) => void delays.push(ms) });
    const { ctx, handler } = fakeContext();
    await middleware.onTurn(ctx, async () => undefined);
    const failures = [429, 502, 412];
    let calls = 0;
    const send = async () => {
      calls++;
      const status = failures.shift();
      if (status) throw Object.assign(new Error('throttled'), { statusCode: status });
      return [{ id: 'ok' }];
    };
    await expect(handler()(ctx, [{ type: 'message', text: 'x' }], send)).resolves.toEqual([{ id: 'ok' }]);
    expect(calls).toBe(4);
    expect(delays).toEqual([100, 200, 400]);
    const always = async () => {
      throw Object.assign(new Error('gateway'), { statusCode: 504 });
    };
    await expect(handler()(ctx, [{ type: 'message', text: 'x' }], always)).rejects.toThrow('gateway');
    const forbidden = async () => {
      throw Object.assign(new Error('forbidden'), { statusCode: 403 });
    };
    delays.length = 0;
    await expect(handler()(ctx, [{ type: 'message', text: 'x' }], forbidden)).rejects.toThrow('forbidden');
    expect(delays).toEqual([]);
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
