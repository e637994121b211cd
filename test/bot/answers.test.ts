import { loadTexts } from '../../dialogs/texts';
import { buildTestApp, cardOf, cardText, inject, message, replies } from '../helpers/app';
import { chat } from '../helpers/chat';

const texts = loadTexts();
const app = buildTestApp();
const user = chat(app, 'conv-1');

async function ask(text: string, extra = {}) {
  const res = await inject(app, message(text, extra));
  expect(res.status).toBe(200);
  return res;
}

describe('free-text questions through the adapter', () => {
  it('answers with the matching passage, its source, publisher and date', async () => {
    const res = await ask('Wer ist Mitglied der Arbeitsgruppe Arbeitsausbeutung?');
    const [reply] = replies(res);
    const card = cardOf(reply);
    expect(card.type).toBe('AdaptiveCard');
    expect(card.version).toBe('1.5');
    const text = cardText(card);
    expect(text).toMatch(/Gewerkschaften/);
    expect(text).toContain(`${texts.de.sourceLabel}: Vernetzung bundesweit`);
    expect(text).toContain('KOK e.V.');
    expect(text).toContain(`${texts.de.standLabel}: unbekannt`);
  });

  it('sends a typing indicator before the answer', async () => {
    const res = await ask('Kooperationsvereinbarung Sachsen');
    const types = (res.body.activities as Array<{ type: string }>).map((a) => a.type);
    expect(types.indexOf('typing')).toBeGreaterThanOrEqual(0);
    expect(types.indexOf('typing')).toBeLessThan(types.indexOf('message'));
  });

  it('warns that the 1999 Bielefeld source is old and shows its date', async () => {
    const text = cardText(cardOf(replies(await ask('Müssen Mitarbeiter Menschenhandelsfälle bevorzugt bearbeiten?'))[0]));
    expect(text).toContain('20.08.1999');
    expect(text).toMatch(/stammt von 1999 und ist 27 Jahre alt/);
  });

  it('adds the SGB XIV note wherever a passage mentions the OEG', async () => {
    const text = cardText(cardOf(replies(await ask('Opferentschädigungsgesetz Landesversorgungsämter Erlass'))[0]));
    expect(text).toMatch(/Landesversorgungsämter/);
    expect(text).toMatch(/01\.01\.2024.*SGB XIV/s);
  });

  it('finds passages despite typos and umlaut spellings', async () => {
    for (const q of ['Bilefelder Modl', 'Opferentschaedigungsgesetz Landesversorgungsaemter']) {
      const [reply] = replies(await ask(q));
      expect(cardText(cardOf(reply))).toMatch(/Bielefeld|Landesversorgungsämter/);
    }
  });

  it('says honestly when nothing matches and offers example questions', async () => {
    const [reply] = replies(await ask('Wie backe ich einen Marmorkuchen?'));
    const card = cardOf(reply);
    expect(cardText(card)).toContain(texts.de.notFoundTitle);
    // The example questions, then "Fachberatungsstelle finden" (a person to ask, issue 13).
    expect(card.actions.map((a: any) => a.data.verb)).toEqual([...texts.de.exampleQuestions.map(() => 'ask'), 'directory']);
    expect(cardText(card)).not.toContain(`${texts.de.sourceLabel}:`);
  });

  it('answers an English question in English, from the German sources', async () => {
    const [reply] = replies(await ask('Who chairs the federal state working group on human trafficking?'));
    const card = cardOf(reply);
    expect(card.lang).toBe('en');
    expect(cardText(card)).toContain(texts.en.sourceLabel);
    expect(cardText(card)).toMatch(/BMFSFJ/);
  });

  it("answers questions written from the caseworker's side: everyday words and English", async () => {
    const slang = cardOf(replies(await ask('wo kann die heute nacht pennen, die is auf der straße'))[0]);
    expect(cardText(slang)).toMatch(/Notunterbringung/);
    expect(cardText(slang)).toContain(`${texts.de.sourceLabel}:`);
    const english = cardOf(replies(await ask('Where can she sleep tonight? She cannot go back to the flat.'))[0]);
    expect(english.lang).toBe('en');
    expect(cardText(english)).toMatch(/Notunterbringung/);
    expect(cardText(english)).toContain(texts.en.sourceLabel);
  });

  it('declines a close question honestly but offers its nearest passages to open, never for a far or uncovered one', async () => {
    const card = cardOf(replies(await ask('Traumaambulanz Sofortleistung'))[0]);
    const text = cardText(card);
    expect(text).toContain(texts.de.notFoundTitle);
    expect(text).not.toContain(`${texts.de.sourceLabel}:`);
    expect(text).toContain(texts.de.relatedLabel);
    expect(card.fallbackText).toContain(texts.de.relatedLabel);
    const related = card.body.find((e: any) => e.type === 'ActionSet').actions;
    expect(related.map((a: any) => a.title)).toContain('Traumaambulanz nutzen – auch wenn die Tat länger zurückliegt');
    expect(related.every((a: any) => a.data.verb === 'showPassage')).toBe(true);
    const [opened] = await user.press(related[0].data);
    expect(cardText(cardOf(opened))).toMatch(/Traumaambulanz/);
    // The root actions stay the example questions and the person to ask.
    expect(card.actions.map((a: any) => a.data.verb)).toEqual([...texts.de.exampleQuestions.map(() => 'ask'), 'directory']);
    for (const far of ['Wie backe ich einen Marmorkuchen?', 'Kann sich meine Klientin dem Strafverfahren als Nebenklägerin anschließen?']) {
      const declined = cardOf(replies(await ask(far))[0]);
      expect(cardText(declined)).toContain(texts.de.notFoundTitle);
      expect(cardText(declined)).not.toContain(texts.de.relatedLabel);
    }
  });

  it.each([
    ['Kann sich meine Klientin dem Strafverfahren als Nebenklägerin anschließen?'],
    ['Wie viel Geld bekommt sie im Monat nach dem AsylbLG?'],
    // The question's phrase counts as asked though the story before it ends with the same words.
    [
      'Meine Klientin aus Kenia wurde in einem Hotel ausgebeutet und soll als Zeugin aussagen. Sie hat ohne Papiere gearbeitet und fürchtet, dass sie dafür bestraft wird. Wird sie bestraft?',
    ],
    ['Wann verjährt Menschenhandel?'],
  ])('says honestly that "%s" is not in its sources, though some words match, and names a person to ask', async (q) => {
    const card = cardOf(replies(await ask(q))[0]);
    expect(cardText(card)).toContain(texts.de.notFoundTitle);
    expect(cardText(card)).not.toContain(`${texts.de.sourceLabel}:`);
    expect(card.actions.map((a: any) => a.data.verb)).toContain('directory');
  });

  it('offers alternatives as buttons when unsure, and a button opens that passage', async () => {
    const res = await ask('Bilefelder Modl');
    const card = cardOf(replies(res)[0]);
    expect(cardText(card)).toContain(texts.de.uncertainIntro);
    const button = card.actions.find((a: any) => a.data.verb === 'showPassage');
    expect(button.type).toBe('Action.Submit');
    const [opened] = await user.press(button.data);
    expect(cardText(cardOf(opened))).toContain(texts.de.sourceLabel);
  });

  it('understands an ordinary word the sources never use by its thesaurus synonym ("Vormund" → sorgeberechtigt)', async () => {
    const card = cardOf(replies(await ask('Ein 17-jähriger Junge aus Rumänien braucht einen Vormund. Wer kümmert sich?'))[0]);
    expect(cardText(card)).not.toContain(texts.de.notFoundTitle);
    expect(cardText(card)).toMatch(/Minderjährige – Jugendamt sofort einschalten/);
  });

  it('reads handing over a file ("die Akte rausgeben") as a question of data protection', async () => {
    const card = cardOf(replies(await ask('Die Ausländerbehörde will die Akte unserer Klientin sehen. Dürfen wir die rausgeben?'))[0]);
    expect(cardText(card)).not.toContain(texts.de.notFoundTitle);
    expect(cardText(card)).toMatch(/Datenschutz\/Schweigepflicht vor Weitergabe klären/);
  });

  it('answers a question typed in dialect ("I woaß net, wo … schlofe ko") as its standard German', async () => {
    const card = cardOf(
      replies(await ask("I woaß net, wo mei Bekannte schlofe ko, wenn's vo dem Kerl weglaaft. Gibt's do a sichere Wohnung?"))[0],
    );
    expect(cardText(card)).not.toContain(texts.de.notFoundTitle);
    expect(cardText(card)).toMatch(/Notunterbringung/);
  });

  it('reads counselling around the clock as the helpline, not the night shelter', async () => {
    const card = cardOf(replies(await ask('Gibt es Beratung rund um die Uhr, auch am Wochenende und nachts?'))[0]);
    // The best passage is the helpline; the night shelter may follow among the alternatives.
    const lines = cardText(card).split('\n');
    expect(lines[lines.findIndex((l: string) => /Quellen:$|^Antwort aus den Quellen$/.test(l)) + 1]).toBe(
      'Hilfetelefon 116 016 – für Frauen, rund um die Uhr',
    );
  });

  it("answers a perpetrator's liability (§ 232 StGB) and declines everyday questions about the trades", async () => {
    const liable = cardOf(replies(await ask('Macht er sich strafbar, wenn er eine 19-Jährige im Bordell arbeiten lässt?'))[0]);
    expect(cardText(liable)).not.toContain(texts.de.notFoundTitle);
    expect(cardText(liable)).toMatch(/§ 232 StGB/);
    for (const q of [
      'Was verdient ein Dachdecker im Monat?',
      'Welche Pizzeria liefert in Berlin?',
      'Wann beginnt die Weinlese im Weinberg?',
    ])
      expect(cardText(cardOf(replies(await ask(q))[0]))).toContain(texts.de.notFoundTitle);
  });

  it('answers a suggested question sent back as a card value', async () => {
    const [reply] = await user.press({ verb: 'ask', question: 'Kooperationsvereinbarung Sachsen-Anhalt' });
    expect(cardText(cardOf(reply))).toMatch(/Sachsen-Anhalt/);
  });

  it('asks to shorten an over-long message and processes nothing', async () => {
    const res = await ask('Menschenhandel '.repeat(300));
    const all = res.body.activities as Array<{ type: string; text?: string }>;
    expect(all.map((a) => a.type)).toEqual(['message']);
    expect(all[0].text).toMatch(/höchstens 2000 Zeichen/);
  });

  it('gives plain text with the citation on channels without cards', async () => {
    const [reply] = replies(await ask('Kooperationsvereinbarung Sachsen-Anhalt', { channelId: 'sms' }));
    expect(reply.attachments).toBeUndefined();
    expect(reply.text).toMatch(/Sachsen-Anhalt/);
    expect(reply.text).toContain(`${texts.de.sourceLabel}: Kooperationsvereinbarungen auf Länderebene`);
  });
});

describe('welcome and help', () => {
  it('welcomes a user who joins, with the privacy note, but not for the bot itself', async () => {
    const joined = await inject(
      app,
      message(undefined, { type: 'conversationUpdate', membersAdded: [{ id: 'lotse-bot' }, { id: 'user-1' }] }),
    );
    const [welcome] = replies(joined);
    expect(cardText(cardOf(welcome))).toContain(texts.de.privacy);
    const botOnly = await inject(app, message(undefined, { type: 'conversationUpdate', membersAdded: [{ id: 'lotse-bot' }] }));
    expect(replies(botOnly)).toHaveLength(0);
  });

  it.each([
    ['hilfe', 'de'],
    ['Hilfe!', 'de'],
    ['help', 'en'],
  ])('"%s" explains what the bot can do (%s)', async (text, lang) => {
    const [reply] = replies(await ask(text));
    const card = cardOf(reply);
    expect(cardText(card)).toContain(texts[lang as 'de' | 'en'].helpTitle);
  });

  it('strips Teams mention tags before searching', async () => {
    const [reply] = replies(await ask('<at>Lotse</at> Kooperationsvereinbarung Sachsen-Anhalt'));
    expect(cardText(cardOf(reply))).toMatch(/Sachsen-Anhalt/);
  });
});
