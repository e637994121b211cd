import { fill, loadTexts } from '../../dialogs/texts';
import { SEARCH_DEFAULTS } from '../../knowledge/search';
import { attachmentBytes, MAX_CARD_BYTES, type ResultView } from '../../src/cards/extensionCards';
import { SEARCH_COMMAND_ID, SEARCH_PARAMETER } from '../../src/channels/messageExtension';
import { MAX_RESULTS } from '../../src/extensionSearch';
import { Writable } from 'node:stream';
import { createLogger } from '../../src/logger';
import { buildTestApp, cardOf, cardText, inject, message, replies } from '../helpers/app';
import { realSearch } from '../helpers/knowledge';

const texts = loadTexts();
const t = texts.de;
const BOT = { id: '28:lotse-bot-id', name: 'Lotse' };
const app = buildTestApp();

/** A composeExtension/query invoke as Teams posts it while the user types in the compose box of a channel. */
function query(value: unknown, extra: Record<string, unknown> = {}) {
  return message(undefined, {
    type: 'invoke',
    name: 'composeExtension/query',
    channelId: 'msteams',
    deliveryMode: undefined,
    recipient: BOT,
    from: { id: '29:user', name: 'Fachkraft', aadObjectId: 'aad-user' },
    conversation: { id: '19:channel-fall@thread.tacv2', conversationType: 'channel', tenantId: 'tenant' },
    channelData: { tenant: { id: 'tenant' }, team: { id: 'team-1' }, channel: { id: 'channel-1' }, source: { name: 'compose' } },
    value,
    ...extra,
  });
}

const search = (text: string, queryOptions: Record<string, unknown> = { skip: 0, count: 25 }) =>
  query({ commandId: SEARCH_COMMAND_ID, parameters: [{ name: SEARCH_PARAMETER, value: text }], queryOptions });

async function ask(activity: unknown) {
  const res = await inject(app, activity);
  expect(res.status).toBe(200);
  return res.body.composeExtension;
}

/** The passage an attachment's "open in chat" deep link asks Lotse to show (all searches here are German). */
function passageOf(attachment: any): string {
  const action = attachment.content.actions.find((a: any) => a.type === 'Action.OpenUrl');
  const typed = new URL(action.url).searchParams.get('message')!;
  const [prefix] = t.extensionOpenCommand.split('{id}');
  expect(typed.startsWith(prefix)).toBe(true);
  return typed.slice(prefix.length);
}

function expectCitedCard(attachment: any, set = t) {
  expect(attachment.contentType).toBe('application/vnd.microsoft.card.adaptive');
  expect(attachment.content.version).toBe('1.5');
  const text = cardText(attachment.content);
  expect(text).toMatch(new RegExp(`${set.sourceLabel}: .+ – .+ · ${set.standLabel}: \\S+`));
  expect(attachmentBytes(attachment)).toBeLessThanOrEqual(MAX_CARD_BYTES);
  expect(attachment.preview.contentType).toBe('application/vnd.microsoft.card.thumbnail');
  expect(attachment.preview.content.title.length).toBeGreaterThan(3);
  expect(attachment.preview.content.text.length).toBeGreaterThan(3);
}

/** Passage ids the free-text search offers for a text: the same ranking, each at least "plausible". */
const expectedPassages = (text: string) =>
  realSearch()
    .search(text, MAX_RESULTS)
    .hits.filter((h) => h.score >= SEARCH_DEFAULTS.plausible)
    .map((h) => h.passage.id);

describe('Teams message extension (composeExtension/query)', () => {
  it('"Bedenkfrist" returns a list of cited cards, the best one the same passage as the free-text answer', async () => {
    const result = await ask(search('Bedenkfrist'));
    expect(result).toMatchObject({ type: 'result', attachmentLayout: 'list' });
    expect(result.attachments.length).toBeGreaterThan(1);
    expect(result.attachments.length).toBeLessThanOrEqual(MAX_RESULTS);
    result.attachments.forEach((a: any) => expectCitedCard(a));
    expect(result.attachments.map(passageOf)).toEqual(expectedPassages('Bedenkfrist'));

    const [best] = result.attachments;
    expect(best.preview.content.title).toMatch(/Bedenkfrist/);
    const card = cardText(best.content);
    expect(card).toMatch(/Stabilisierungsfrist/);
    const norm = best.content.body.find((e: any) => e.type === 'FactSet');
    expect(norm.facts).toEqual([{ title: t.stepLegal, value: expect.stringMatching(/^§ 59 Abs\. 7 AufenthG; § 72 Abs\. 6 AufenthG$/) }]);
    expect(card).toMatch(/Stand: \d\d\.\d\d\.\d{4}/);

    const [answer] = replies(await inject(app, message('Bedenkfrist')));
    const heading = best.content.body[0].text;
    expect(cardText(cardOf(answer))).toContain(heading);
  });

  it('each card opens its passage in the personal chat with Lotse through a Teams deep link', async () => {
    const [best] = (await ask(search('Bedenkfrist'))).attachments;
    const action = best.content.actions.find((a: any) => a.type === 'Action.OpenUrl');
    expect(action.title).toBe(t.extensionOpenInChat);
    const url = new URL(action.url);
    expect(`${url.origin}${url.pathname}`).toBe('https://teams.microsoft.com/l/chat/0/0');
    expect(url.searchParams.get('users')).toBe('28:lotse-bot-id');
    expect(url.searchParams.get('message')).toBe(fill(t.extensionOpenCommand, { id: passageOf(best) }));

    // What the deep link types into the personal chat shows that passage as the answer card.
    const personal = {
      channelId: 'msteams',
      recipient: BOT,
      conversation: { id: 'personal-ext', conversationType: 'personal', tenantId: 'tenant' },
    };
    const [reply] = replies(await inject(app, message(url.searchParams.get('message')!, personal)));
    expect(cardText(cardOf(reply))).toContain(best.content.body[0].text);
    expect(cardText(cardOf(reply))).toMatch(/§ 59 Abs\. 7 AufenthG/);
    const english = fill(texts.en.extensionOpenCommand, { id: passageOf(best) });
    const [englishReply] = replies(await inject(app, message(english, personal)));
    expect(cardText(cardOf(englishReply))).toContain(texts.en.standLabel);
  });

  it('honours queryOptions skip and count', async () => {
    const all = (await ask(search('SGB XIV'))).attachments.map(passageOf);
    expect(all.length).toBeGreaterThanOrEqual(5);
    const first = (await ask(search('SGB XIV', { skip: 0, count: 2 }))).attachments.map(passageOf);
    const second = (await ask(search('SGB XIV', { skip: 2, count: 2 }))).attachments.map(passageOf);
    expect(first).toEqual(all.slice(0, 2));
    expect(second).toEqual(all.slice(2, 4));
    const beyond = await ask(search('SGB XIV', { skip: MAX_RESULTS, count: 25 }));
    expect(beyond).toEqual({ type: 'result', attachmentLayout: 'list', attachments: [] });
  });

  it('initialRun offers the frequent topics as cards to insert, in the language of the Teams client', async () => {
    const initial = (locale: string) =>
      query(
        { commandId: SEARCH_COMMAND_ID, parameters: [{ name: 'initialRun', value: 'true' }], queryOptions: { skip: 0, count: 25 } },
        { locale },
      );
    for (const [locale, set] of [
      ['de-DE', t],
      ['en-US', texts.en],
    ] as const) {
      const result = await ask(initial(locale));
      expect(result.type).toBe('result');
      expect(result.attachments.map((a: any) => a.preview.content.title)).toEqual(set.extensionTopics);
      result.attachments.forEach((a: any) => expectCitedCard(a, set));
    }
  });

  it.each([
    ['an empty search text', '', 'result'],
    ['garbage', 'qwxz vbnmk plokij', 'message'],
    // The tags are stripped as in a chat message; what remains is searched like any text.
    ['markup', '<script>alert("x")</script>', undefined],
    ['template and control characters', '{{7*7}} ${x} \u0000 \u202e %00', 'message'],
    ['5000 characters', 'Bedenkfrist '.repeat(420), 'message'],
  ])('%s gets a well-formed answer with status 200', async (_name, text, type) => {
    const result = await ask(search(text));
    if (type) expect(result.type).toBe(type);
    if (result.type === 'message') expect(result.text).toMatch(/Quellen|Suchtext/);
    else result.attachments.forEach((a: any) => expectCitedCard(a));
    if (text) expect(JSON.stringify(result)).not.toContain(text.slice(0, 12));
  });

  it('nothing found says so and how to ask Lotse directly; too long names the limit', async () => {
    expect(await ask(search('qwxz vbnmk plokij'))).toEqual({ type: 'message', text: t.extensionNothingFound });
    expect((await ask(search('x'.repeat(5000)))).text).toBe(fill(t.extensionTooLong, { max: 2000 }));
  });

  it('never puts what the user typed into the card: a name in the search text is not in any result', async () => {
    for (const text of ['Bedenkfrist Svetlana Beispielowa', 'Svetlana Beispielowa Aufenthalt Hamburg', 'Svetlana']) {
      const result = await ask(search(text));
      expect(['result', 'message']).toContain(result.type);
      expect(JSON.stringify(result)).not.toMatch(/Svetlana|Beispielowa/);
    }
  });

  it.each([
    ['no value', undefined],
    ['parameters that are no list', { commandId: SEARCH_COMMAND_ID, parameters: 'Bedenkfrist' }],
    ['an unknown command', { commandId: 'somethingElse', parameters: [{ name: 'q', value: 'Bedenkfrist' }] }],
    [
      'a number as search text and text as paging',
      { commandId: SEARCH_COMMAND_ID, parameters: [{ name: SEARCH_PARAMETER, value: 42 }], queryOptions: { skip: 'x', count: -3 } },
    ],
  ])('a Teams-unlike value (%s) still gets a well-formed answer', async (_name, value) => {
    const result = await ask(query(value));
    expect(['result', 'message']).toContain(result.type);
  });

  it('in a channel the open command is answered only when Lotse is mentioned', async () => {
    const channel = {
      channelId: 'msteams',
      recipient: BOT,
      conversation: { id: 'channel-open', conversationType: 'channel', tenantId: 'tenant' },
    };
    const text = fill(t.extensionOpenCommand, { id: 'checkliste-aufenthalt#bedenkfrist' });
    expect(replies(await inject(app, message(text, channel)))).toHaveLength(0);
  });
});

describe('directory results in the message extension (hook for issue 13)', () => {
  const entry: ResultView = {
    id: 'verzeichnis-hh-beispiel',
    language: 'de',
    heading: 'Beispiel-Fachberatungsstelle Hamburg',
    previewLine: 'Fachberatungsstelle gegen Menschenhandel · Hamburg',
    text: 'Beratung für Betroffene von Menschenhandel in Hamburg.',
    facts: [{ label: 'Land', value: 'Hamburg' }],
    source: { title: 'Verzeichnis der Fachberatungsstellen', publisher: 'Testverzeichnis', stand: '01.12.2026', url: null },
    warnings: [],
  };
  const calls: string[] = [];
  const withDirectory = buildTestApp({}, { directoryResults: (text) => (calls.push(text), /hamburg/i.test(text) ? [entry] : []) });

  it('offers the directory entries first, with the same source and Stand line', async () => {
    const res = await inject(withDirectory, search('Beratungsstelle Hamburg'));
    const [first] = res.body.composeExtension.attachments;
    expectCitedCard(first);
    expect(cardText(first.content)).toContain('Quelle: Verzeichnis der Fachberatungsstellen – Testverzeichnis · Stand: 01.12.2026');
    expect(first.preview.content.title).toBe(entry.heading);
    expect(first.content.actions).toBeUndefined();
    expect(calls).toEqual(['Beratungsstelle Hamburg']);
  });

  it("a card over Teams' 28 KB limit is shortened, not dropped", async () => {
    const huge = { ...entry, id: 'verzeichnis-lang', text: 'Öffnungszeiten und Angebote. '.repeat(3000) };
    const big = buildTestApp({}, { directoryResults: () => [huge] });
    const [first] = (await inject(big, search('Bedenkfrist'))).body.composeExtension.attachments;
    expect(attachmentBytes(first)).toBeLessThanOrEqual(MAX_CARD_BYTES);
    expect(attachmentBytes(first)).toBeGreaterThan(MAX_CARD_BYTES / 4);
    expect(first.content.body[0].text).toBe(entry.heading);
  });

  it('a directory entry is offered even when no passage is plausible', async () => {
    const res = await inject(withDirectory, search('Hamburg'));
    expect(res.body.composeExtension.attachments[0].content.body[0].text).toBe(entry.heading);
  });

  it('an error while searching becomes a friendly message; the log names its type, never the query', async () => {
    const lines: string[] = [];
    const sink = new Writable({ write: (chunk, _enc, done) => (lines.push(chunk.toString()), done()) });
    const failing = buildTestApp(
      { LOG_LEVEL: 'debug' },
      {
        logger: createLogger('debug', sink),
        directoryResults: (text) => {
          throw new RangeError(`cannot look up ${text}`);
        },
      },
    );
    const res = await inject(failing, search('Bedenkfrist Svetlana'));
    expect(res.status).toBe(200);
    expect(res.body.composeExtension).toEqual({ type: 'message', text: t.error });
    expect(lines.join('')).toMatch(/"type":"RangeError".*message extension failed/);
    expect(lines.join('')).not.toMatch(/Svetlana|Bedenkfrist/);
  });
});

describe('the real directory in the message extension', () => {
  const { loadDirectory } = require('../../dialogs/directory') as typeof import('../../dialogs/directory');
  const directory = loadDirectory();

  it('"Beratungsstelle Hamburg" offers the Hamburg entries first, each with its source page and Stand', async () => {
    const res = await inject(app, search('Beratungsstelle Hamburg'));
    const attachments = res.body.composeExtension.attachments;
    const hamburg = directory.entries.filter((e) => e.land === 'HH');
    const firstTitles = attachments.slice(0, hamburg.length).map((a: any) => a.preview.content.title);
    expect(firstTitles[0]).toMatch(/KOOFRA/);
    for (const a of attachments.slice(0, hamburg.length)) {
      expectCitedCard(a);
      expect(cardText(a.content)).toMatch(/Quelle: \S+\.\S+ – .+ · Stand: /);
    }
    expect(firstTitles.every((title: string) => hamburg.some((e) => title && e.name.startsWith(title.split(' – ')[0])))).toBe(true);
  });

  it('an organisation name finds that organisation', async () => {
    const res = await inject(app, search('JADWIGA'));
    expect(res.body.composeExtension.attachments[0].preview.content.title).toMatch(/JADWIGA/);
  });
});
