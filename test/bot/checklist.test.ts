import { MemoryStorage } from 'botbuilder';
import { loadDialogContent } from '../../dialogs/content';
import { visibleSteps } from '../../dialogs/engine';
import { loadTexts } from '../../dialogs/texts';
import { buildTestApp, cardOf, cardText, FIXED_NOW, inject, message, replies, withServer } from '../helpers/app';
import { button, newChat, type Chat } from '../helpers/chat';
import { CASES } from '../helpers/cases';
import { realSearch } from '../helpers/knowledge';
import { plain } from '../../src/cards/adaptive';

const texts = loadTexts().de;
const defs = loadDialogContent();
const storage = new MemoryStorage();
const app = buildTestApp({}, { storage });

const conversation = () => newChat(app, 'checklist');

async function answerFacts(c: Chat, facts: Record<string, string>) {
  let [reply] = await c.say('Erste Schritte');
  for (const def of defs.facts) {
    expect(cardText(cardOf(reply))).toContain(def.question);
    [reply] = await c.press(button(cardOf(reply), { action: 'fact', key: def.key, value: facts[def.key] }));
  }
  return reply;
}

describe('"Erste Schritte" through the adapter, by card buttons only', () => {
  it.each(CASES)('walks every checklist and summarises: $name', async ({ facts }) => {
    const c = conversation();
    let reply = await answerFacts(c, facts);
    expect(cardText(cardOf(reply))).toContain(texts.menuTitle);
    for (const checklist of defs.checklists) {
      [reply] = await c.press(button(cardOf(reply), { action: 'open', checklistId: checklist.id }));
      const steps = visibleSteps(checklist, facts);
      for (let i = 0; i < steps.length; i++) {
        const text = cardText(cardOf(reply));
        expect(text).toContain(`Schritt ${i + 1} von ${steps.length}`);
        expect(text).toContain(steps[i].title);
        expect(text).toMatch(new RegExp(`Stand: (\\d\\d\\.\\d\\d\\.\\d{4}|${texts.dateUnknown})`));
        [reply] = await c.press(button(cardOf(reply), { action: 'done' }));
      }
      expect(cardText(cardOf(reply))).toContain(checklist.title);
      [reply] = await c.press(button(cardOf(reply), { action: 'menu' }));
    }
    const [summary, copy] = await c.say('Zusammenfassung');
    const text = cardText(cardOf(summary));
    expect(text).toContain(texts.summaryTitle);
    if (facts.land === 'NW') expect(text).toMatch(/LVR|Landschaftsverband Rheinland/);
    if (facts.age === 'u18') expect(text).toMatch(/Jugendamt/);
    if (facts.exploitation === 'labour') expect(text).toMatch(/Finanzkontrolle Schwarzarbeit/);
    expect(text).toContain('116 016');
    expect(copy.text).toContain('[x]');
  });

  it('in danger, step 1 of the first contact is the emergency with 110', async () => {
    const c = conversation();
    const menu = await answerFacts(c, CASES[3].facts);
    const [step] = await c.press(button(cardOf(menu), { action: 'open', checklistId: 'erstkontakt' }));
    expect(cardText(cardOf(step))).toMatch(/Schritt 1 von/);
    expect(cardText(cardOf(step))).toContain('110');
  });

  it('can leave mid-way, ask a question, and resume at the same step with "weiter"', async () => {
    const c = conversation();
    const menu = await answerFacts(c, CASES[0].facts);
    let [step] = await c.press(button(cardOf(menu), { action: 'open', checklistId: 'aufenthalt' }));
    [step] = await c.press(button(cardOf(step), { action: 'done' }));
    const before = cardText(cardOf(step));
    const answer = await c.say('Wer ist Mitglied der Arbeitsgruppe Arbeitsausbeutung?');
    expect(cardText(cardOf(answer[0]))).toMatch(/Gewerkschaften/);
    expect(answer[1].text).toBe(texts.resumeHint);
    const [resumed] = await c.say('weiter');
    expect(cardText(cardOf(resumed))).toBe(before);
  });

  it('"Zurück" shows the previous step again, marked as done', async () => {
    const c = conversation();
    const menu = await answerFacts(c, CASES[1].facts);
    let [step] = await c.press(button(cardOf(menu), { action: 'open', checklistId: 'erstkontakt' }));
    const first = visibleSteps(defs.checklists[0], CASES[1].facts)[0].title;
    [step] = await c.press(button(cardOf(step), { action: 'done' }));
    [step] = await c.press(button(cardOf(step), { action: 'back' }));
    expect(cardText(cardOf(step))).toContain(first);
    expect(cardText(cardOf(step))).toContain(texts.statusDone);
  });

  it('"Notfall" interrupts with 110 and 116 016, then resumes where the user was', async () => {
    const c = conversation();
    const menu = await answerFacts(c, CASES[2].facts);
    const [step] = await c.press(button(cardOf(menu), { action: 'open', checklistId: 'kontakte' }));
    const [emergency] = await c.say('Notfall');
    expect(cardText(cardOf(emergency))).toMatch(/110/);
    expect(cardText(cardOf(emergency))).toMatch(/116 016/);
    const [resumed] = await c.press(button(cardOf(emergency), { action: 'resume' }));
    expect(cardText(cardOf(resumed))).toBe(cardText(cardOf(step)));
  });

  it('"Mehr dazu" opens exactly the passage the step cites', async () => {
    const c = conversation();
    const menu = await answerFacts(c, CASES[0].facts);
    const checklist = defs.checklists.find((x) => x.id === 'kontakte')!;
    const steps = visibleSteps(checklist, CASES[0].facts);
    const cited = steps.findIndex((s) => s.passage === 'stgb-nrw-1999-bielefelder-modell#2');
    expect(cited).toBeGreaterThan(0);
    let [step] = await c.press(button(cardOf(menu), { action: 'open', checklistId: 'kontakte' }));
    for (let i = 0; i < cited; i++) [step] = await c.press(button(cardOf(step), { action: 'done' }));
    const [more] = await c.press(button(cardOf(step), { action: 'more' }));
    const passage = realSearch().passage('stgb-nrw-1999-bielefelder-modell#2')!.passage;
    expect(cardText(cardOf(more))).toContain(plain(passage.text));
    // A step on Lotse's own guidance cites its own indexed passage: the step's text, not a search hit.
    const [own] = await c.press(button(cardOf(menu), { action: 'open', checklistId: 'aufenthalt' }));
    const first = visibleSteps(
      defs.checklists.find((x) => x.id === 'aufenthalt')!,
      CASES[0].facts,
    )[0];
    const [ownMore] = await c.press(button(cardOf(own), { action: 'more' }));
    expect(cardText(cardOf(ownMore))).toContain(plain(first.do));
    expect(cardText(cardOf(ownMore))).toContain(`Checkliste: ${defs.checklists.find((x) => x.id === 'aufenthalt')!.title}`);
  });

  it('"Zusammenfassung" before all case facts are known says why and asks the next fact', async () => {
    const c = conversation();
    await c.say('Erste Schritte');
    const [why, question] = await c.say('Zusammenfassung');
    expect(why.text).toBe(texts.summaryNeedsFacts);
    expect(cardText(cardOf(question))).toContain(defs.facts[0].question);
  });

  it('"Abbrechen" ends cleanly and deletes the stored case facts', async () => {
    const c = conversation();
    await answerFacts(c, CASES[0].facts);
    const [bye] = await c.say('Abbrechen');
    expect(bye.text).toBe(texts.cancelled);
    const stored = JSON.stringify(await storage.read([`test/lotse-bot/conversations/${c.id}`]));
    expect(stored).not.toMatch(/"land"/);
    const [nothing] = await c.say('weiter');
    expect(nothing.text).toBe(texts.nothingToResume);
  });

  it('never lets typed text into the state or the summary', async () => {
    const c = conversation();
    await answerFacts(c, CASES[0].facts);
    await c.say('Frau Erika Beispielname, Tel. 0170 5550123, wohnt in der Musterstraße');
    await c.press({ verb: 'checklist', action: 'fact', key: 'land', value: 'Erika Beispielname' });
    const [summary, copy] = await c.say('Zusammenfassung');
    const stored = await storage.read([`test/lotse-bot/conversations/${c.id}`]);
    expect(JSON.stringify(stored)).toMatch(/"land":"NW"/);
    const everything = JSON.stringify([summary, copy, stored]);
    expect(everything).not.toMatch(/Beispielname|5550123|Musterstraße/);
    expect(everything).toMatch(/Nordrhein-Westfalen/);
  });

  it('a law question finds the residence-status step and offers to start that checklist', async () => {
    const c = conversation();
    const [answer] = await c.say('Wie lange ist die Bedenkfrist?');
    let card = cardOf(answer);
    if (!/mindestens drei Monate/.test(cardText(card))) {
      // Not the top passage: then it must be offered as an alternative, one click away.
      const alternative = card.actions.find((a: any) => a.data.verb === 'showPassage' && /Bedenk/.test(a.title));
      [card] = (await c.press(alternative.data)).map(cardOf);
    }
    expect(cardText(card)).toMatch(/mindestens drei Monate/);
    expect(cardText(card)).toMatch(/§ 59 Abs\. 7 AufenthG/);
    let [reply] = await c.press(button(card, { action: 'open', checklistId: 'aufenthalt' }));
    for (const def of defs.facts)
      [reply] = await c.press(button(cardOf(reply), { action: 'fact', key: def.key, value: CASES[0].facts[def.key] }));
    expect(cardText(cardOf(reply))).toMatch(/Aufenthalt klären · Schritt 1 von/);
  });
});

describe('printable checklist', () => {
  it('GET /checkliste shows the same tailored steps, contacts for the Land and no personal data', async () => {
    await withServer(app, async (base) => {
      const f = CASES[0].facts;
      const res = await fetch(`${base}/checkliste?danger=no&land=NW&age=21plus&citizenship=non-eu&exploitation=sexual`);
      expect(res.status).toBe(200);
      const html = await res.text();
      for (const checklist of defs.checklists)
        for (const s of visibleSteps(checklist, f))
          expect(html).toContain(s.title.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/'/g, '&#39;'));
      expect(html).not.toContain(defs.checklists[3].steps.find((s) => s.id === 'eu-freizuegigkeit')!.title);
      expect(html).toMatch(/Landschaftsverband|LVR/);
      expect(html).toMatch(/Stand: 29\.04\.2026/);
      expect(html).toMatch(/Seit 12\.06\.2026 gelten Änderungen des AufenthG durch das GEAS-Anpassungsgesetz \(BGBl\. 2026 I Nr\. 111\)/);
      const bad = await fetch(`${base}/checkliste?land=%3Cscript%3E`);
      expect(bad.status).toBe(400);
      expect(await bad.text()).not.toContain('<script>');
    });
  });
});

describe('stale and repeated clicks', () => {
  const pressWithId = (c: ReturnType<typeof conversation>, id: string, data: Record<string, unknown>) =>
    inject(app, message(undefined, { id, conversation: { id: c.id }, value: data })).then(replies);

  it('one step card\'s "Erledigt" twice with the same activity id, then again later, marks exactly that step', async () => {
    const c = conversation();
    const menu = await answerFacts(c, CASES[0].facts);
    const [step] = await c.press(button(cardOf(menu), { action: 'open', checklistId: 'erstkontakt' }));
    const steps = visibleSteps(
      defs.checklists.find((x) => x.id === 'erstkontakt')!,
      CASES[0].facts,
    );
    const done = button(cardOf(step), { action: 'done' });
    const [next] = await pressWithId(c, 'replayed-1', done);
    expect(cardText(cardOf(next))).toContain(steps[1].title);
    expect(await pressWithId(c, 'replayed-1', done)).toEqual([]);
    const [outdated, current] = await c.press(done);
    expect(outdated.text).toBe(texts.staleCard);
    expect(cardText(cardOf(current))).toBe(cardText(cardOf(next)));
    const [, copy] = await c.say('Zusammenfassung');
    const ticked = copy.text!.split('\n').filter((l) => l.includes('[x]'));
    expect(ticked).toEqual([expect.stringContaining(steps[0].title)]);
    expect(copy.text).toContain(`[ ] ${steps[1].title}`);
  });

  it('"Später", "Zurück" and "Mehr dazu" from an old card only re-show the current step', async () => {
    const c = conversation();
    const menu = await answerFacts(c, CASES[0].facts);
    const [first] = await c.press(button(cardOf(menu), { action: 'open', checklistId: 'aufenthalt' }));
    const [second] = await c.press(button(cardOf(first), { action: 'done' }));
    for (const action of ['later', 'back', 'more']) {
      const [outdated, current] = await c.press(button(cardOf(first), { action }));
      expect(outdated.text).toBe(texts.staleCard);
      expect(cardText(cardOf(current))).toBe(cardText(cardOf(second)));
    }
  });

  it('an old fact button does not overwrite a later answer', async () => {
    const c = conversation();
    const [first] = await c.say('Erste Schritte');
    const landCard = (await c.press(button(cardOf(first), { action: 'fact', key: 'danger', value: 'no' })))[0];
    const [ageCard] = await c.press(button(cardOf(landCard), { action: 'fact', key: 'land', value: 'NW' }));
    const [outdated, current] = await c.press(button(cardOf(landCard), { action: 'fact', key: 'land', value: 'BY' }));
    expect(outdated.text).toBe(texts.staleCard);
    expect(cardText(cardOf(current))).toBe(cardText(cardOf(ageCard)));
    const stored = await storage.read([`test/lotse-bot/conversations/${c.id}`]);
    expect(JSON.stringify(stored)).toMatch(/"land":"NW"/);
  });

  it('remembers activity ids briefly and few: after ten minutes, or 20 newer activities, an id counts as new', async () => {
    let clock = FIXED_NOW.getTime();
    const timed = buildTestApp({}, { now: () => new Date(clock) });
    const send = (id: string) => inject(timed, message('Notfall', { id, conversation: { id: 'replay-expiry' } })).then(replies);
    expect(await send('same')).toHaveLength(1);
    expect(await send('same')).toEqual([]);
    clock += 11 * 60_000;
    expect(await send('same')).toHaveLength(1);
    for (let i = 0; i < 20; i++) await send(`other-${i}`);
    expect(await send('same')).toHaveLength(1);
    await timed.close();
  });
});
