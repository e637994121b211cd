import { loadDialogContent } from '../../dialogs/content';
import { loadTexts } from '../../dialogs/texts';
import { buildTestApp, cardOf, cardText, inject, message, replies } from '../helpers/app';

const texts = loadTexts();
const defs = loadDialogContent();
const app = buildTestApp();

let conv = 0;
function conversation() {
  const id = `case-${++conv}`;
  const say = async (text: string) => replies(await inject(app, message(text, { conversation: { id } })));
  const press = async (data: Record<string, unknown>) =>
    replies(await inject(app, message(undefined, { conversation: { id }, value: data })));
  return { say, press };
}

const buttons = (card: any): any[] => card.actions ?? [];
const inputs = (card: any): any[] => {
  const out: any[] = [];
  const walk = (n: any) => {
    if (!n || typeof n !== 'object') return;
    if (n.type === 'Input.ChoiceSet') out.push(n);
    for (const v of Object.values(n)) if (typeof v === 'object') walk(v);
  };
  walk(card.body);
  return out;
};

describe('questions as caseworkers type them, through the adapter', () => {
  it('the Nigeria description gets the ILO indicators step (as the answer or the first "Meinten Sie …?")', async () => {
    const [reply] = await conversation().say(
      'Eine Frau aus Nigeria sitzt bei mir, ihr Pass wurde ihr abgenommen, sie hat 30.000 € Schulden — ist das Menschenhandel?',
    );
    const card = cardOf(reply);
    const text = cardText(card);
    const indicators = defs.checklists.flatMap((c) => c.steps).find((s) => s.id === 'indikatoren-pruefen')!;
    const main = text.includes(indicators.title);
    const firstAlternative = buttons(card).find((a) => a.data?.verb === 'showPassage');
    expect(main || firstAlternative?.data.passageId === 'checkliste-erstkontakt#indikatoren-pruefen').toBe(true);
    expect(text).not.toContain('Nigeria');
  });

  it('an English question gets an English answer card', async () => {
    const [reply] = await conversation().say('How long is the reflection period?');
    const card = cardOf(reply);
    expect(card.lang).toBe('en');
    const text = cardText(card);
    expect(text.includes(texts.en.answerTitle) || text.includes(texts.en.uncertainIntro)).toBe(true);
    expect(text).toMatch(/Bedenkfrist|Stabilisierungsfrist/);
  });

  it('an uncertain answer offers up to two others as "Meinten Sie …?" buttons labelled with their headings', async () => {
    const [reply] = await conversation().say('What is the reflection period for?');
    const card = cardOf(reply);
    const alternatives = buttons(card).filter((a) => a.data?.verb === 'showPassage');
    expect(cardText(card)).toContain(texts.en.uncertainIntro);
    expect(cardText(card)).toContain(texts.en.alternativesLabel);
    expect(alternatives.length).toBeGreaterThan(0);
    expect(alternatives.length).toBeLessThanOrEqual(2);
    const headings = defs.checklists.flatMap((c) => c.steps.map((s) => s.title));
    for (const a of alternatives) expect(headings.some((h) => h.startsWith(a.title.replace(/…$/, '')))).toBe(true);
  });

  it('an out-of-scope question gets the honest no-answer with suggestions', async () => {
    const [reply] = await conversation().say('Wie hoch ist der Mindestlohn?');
    const card = cardOf(reply);
    expect(cardText(card)).toContain(texts.de.notFoundTitle);
    // The example questions, then the way to a person (the Land's Fachberatungsstelle, KOK's online contact point).
    expect(buttons(card).map((a) => a.data.verb)).toEqual([...texts.de.exampleQuestions.map(() => 'ask'), 'directory']);
  });

  it('a case description offers "Erste Schritte" with the recognised facts pre-selected, stored only after the press', async () => {
    const c = conversation();
    const [reply] = await c.say('Eine 16-Jährige aus Rumänien wurde in einer Wohnung zur Prostitution gezwungen. Was muss ich jetzt tun?');
    const card = cardOf(reply);
    const offered = Object.fromEntries(inputs(card).map((i) => [i.id, i.value]));
    expect(offered).toEqual({ fact_age: 'u18', fact_citizenship: 'eu' });
    expect(cardText(card)).not.toMatch(/Rumänien|16-Jährige|Wohnung/);
    const start = buttons(card).find((a) => a.data?.verb === 'startWithFacts');
    expect(start.title).toBe(texts.de.btnStartWithFacts);

    // Nothing stored by the question itself.
    expect(await c.say('weiter')).toEqual([expect.objectContaining({ text: texts.de.nothingToResume })]);

    // The press (with the user's confirmed choices) starts the checklist with those facts set.
    let [next] = await c.press({ ...start.data, fact_age: 'u18', fact_citizenship: 'eu' });
    const asked: string[] = [];
    for (let i = 0; i < defs.facts.length && cardText(cardOf(next)).includes('?'); i++) {
      const fact = defs.facts.find((d) => cardText(cardOf(next)).includes(d.question));
      if (!fact) break;
      asked.push(fact.key);
      [next] = await c.press({ verb: 'checklist', action: 'fact', key: fact.key, value: fact.options[fact.options.length - 1].value });
    }
    expect(asked).not.toContain('age');
    expect(asked).not.toContain('citizenship');
    expect(asked).toContain('danger');
  });

  it('ignores fact values a card did not offer', async () => {
    const c = conversation();
    const [next] = await c.press({ verb: 'startWithFacts', lang: 'de', fact_age: 'Erika Beispielname', fact_land: 'BE' });
    expect(cardText(cardOf(next))).toContain(defs.facts[0].question);
  });
});
