import { MemoryStorage } from 'botbuilder';
import { loadTexts } from '../../dialogs/texts';
import { FeedbackStore, formatReport } from '../../src/feedback';
import { buildTestApp, cardOf, FIXED_NOW, withServer } from '../helpers/app';
import { chat } from '../helpers/chat';

const texts = loadTexts().de;

function feedbackButtons(card: any): Array<{ title: string; data: any }> {
  const found: Array<{ title: string; data: any }> = [];
  const walk = (node: any) => {
    if (!node || typeof node !== 'object') return;
    if (node.type === 'Action.Submit' && node.data?.verb === 'feedback') found.push(node);
    for (const v of Object.values(node)) if (typeof v === 'object') walk(v);
  };
  walk(card);
  return found;
}

describe('"Hilfreich? Ja / Nein" feedback', () => {
  it('every answer card asks; a click stores only passage, verdict, channel and day, and the report lists the most "Nein" first', async () => {
    const storage = new MemoryStorage();
    const app = buildTestApp({}, { storage });
    const question = 'Servicestelle gegen Arbeitsausbeutung Geheimnamen';
    const card = cardOf((await chat(app, 'conv-1', { channelId: 'webchat' }).say(question))[0]);
    const [yes, no] = feedbackButtons(card);
    expect(yes.title).toBe(texts.feedbackYes);
    expect(no.title).toBe(texts.feedbackNo);
    const passageId = no.data.passageId;

    const click = async (data: any, channelId = 'webchat') => (await chat(app, 'conv-1', { channelId }).press(data))[0].text;
    expect(await click(no.data)).toBe(texts.feedbackThanksNo);
    expect(await click(no.data, 'msteams')).toBe(texts.feedbackThanksNo);
    expect(await click(yes.data)).toBe(texts.feedbackThanks);
    const other = cardOf((await chat(app, 'conv-1').say('Forum Menschenrechte Arbeitsgruppen KOK'))[0]);
    await click(feedbackButtons(other)[0].data);
    expect(await click({ verb: 'feedback', passageId: 'gibt-es-nicht#1', helpful: 'no' })).toBe(texts.passageGone);

    const rows = await app.feedback.report();
    // The later "Ja" of the same webchat conversation replaces its "Nein": one vote per conversation and passage.
    expect(rows[0]).toEqual({ passageId, yes: 1, no: 1, lastDay: FIXED_NOW.toISOString().slice(0, 10) });
    expect(rows).toHaveLength(2);

    const everything = JSON.stringify(
      await storage.read([`lotse-feedback/index`, `lotse-feedback/passage/${encodeURIComponent(passageId)}`]),
    );
    expect(everything).toContain('"channel":"webchat"');
    expect(everything).toContain('"channel":"msteams"');
    expect(everything).not.toMatch(/Geheimnamen|Servicestelle gegen|user-1|conv-1|T10:00/);
    expect(formatReport(rows, () => 'Titel')).toMatch(/^Nein\s+Ja/);
  });

  it('serves the report to the CLI from the running bot in local mode', async () => {
    const app = buildTestApp();
    await withServer(app, async (base) => {
      const report = async () => ((await (await fetch(`${base}/api/feedback/report`)).json()) as any).rows;
      expect(await report()).toEqual([]);
      await app.feedback.record('kooperationsvereinbarungen-laender#1', false, 'webchat', FIXED_NOW);
      expect(await report()).toEqual([{ passageId: 'kooperationsvereinbarungen-laender#1', yes: 0, no: 1, lastDay: '2026-11-25' }]);
    });
  });

  it('keeps counts exact when clicks race (eTag retry)', async () => {
    const store = new FeedbackStore(new MemoryStorage());
    await Promise.all(Array.from({ length: 20 }, (_, i) => store.record('p#1', i % 2 === 0, 'webchat', FIXED_NOW)));
    expect(await store.report()).toEqual([{ passageId: 'p#1', yes: 10, no: 10, lastDay: '2026-11-25' }]);
  });
});
