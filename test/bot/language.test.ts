import type { Activity } from 'botbuilder';
import { loadDialogContent } from '../../dialogs/content';
import { COMMAND_NAMES, loadTexts, type Language, type TextSet } from '../../dialogs/texts';
import { buildTestApp, cardOf, cardText, inject, message, replies } from '../helpers/app';
import { CASES } from '../helpers/cases';
import { realSearch } from '../helpers/knowledge';
import { plain } from '../../src/cards/adaptive';

const texts = loadTexts();
const defs = loadDialogContent();
const app = buildTestApp();

let conv = 0;
function conversation() {
  const id = `language-${++conv}`;
  const say = async (text: string) => replies(await inject(app, message(text, { conversation: { id } })));
  const press = async (data: Record<string, unknown>) =>
    replies(await inject(app, message(undefined, { conversation: { id }, value: data })));
  return { say, press };
}

function buttonData(card: any, match: Record<string, string>): Record<string, unknown> {
  const found: any[] = [];
  const walk = (n: any) => {
    if (!n || typeof n !== 'object') return;
    if (n.type === 'Action.Submit' && Object.entries(match).every(([k, v]) => n.data?.[k] === v)) found.push(n.data);
    Object.values(n).forEach(walk);
  };
  walk(card);
  if (!found.length) throw new Error(`no button ${JSON.stringify(match)}`);
  return found[0];
}

/**
 * Every string a user can see in these replies (card texts, button titles, fact sets, fallback and
 * plain texts), with the quoted knowledge-base passages cut out: sources and checklist content are
 * German whatever the user writes; the labels around them must not be.
 */
function visibleStrings(activities: Partial<Activity>[]): string[] {
  const out: string[] = [];
  const quoted = new Set<string>();
  const walk = (node: any, key = '') => {
    if (typeof node === 'string') {
      if (['text', 'title', 'value', 'fallbackText'].includes(key)) out.push(node);
    } else if (Array.isArray(node)) node.forEach((n) => walk(n, key));
    else if (node && typeof node === 'object') {
      if (typeof node.data?.passageId === 'string') {
        const hit = realSearch().passage(node.data.passageId);
        if (hit)
          [hit.passage.text, hit.passage.heading, hit.source.title, hit.source.publisher]
            .filter(Boolean)
            .forEach((q) => (quoted.add(q), quoted.add(plain(q))));
      }
      Object.entries(node).forEach(([k, v]) => k !== 'data' && walk(v, k));
    }
  };
  for (const a of activities) {
    if (a.text) out.push(a.text);
    walk(cardOf(a)?.body, 'body');
    walk(cardOf(a)?.actions, 'actions');
    if (cardOf(a)?.fallbackText) out.push(cardOf(a).fallbackText);
  }
  const longestFirst = [...quoted].sort((x, y) => y.length - x.length);
  return out.map((s) => longestFirst.reduce((rest, q) => rest.split(q).join(' '), s));
}

/** Checklist step content (German only, like the sources): cut out like the passages. */
function withoutStepContent(strings: string[]): string[] {
  const content = defs.checklists
    .flatMap((c) => [c.title, c.intro, ...c.steps.flatMap((s) => [s.title, s.do, s.why, s.caution ?? '', ...s.legal])])
    .filter(Boolean);
  const contacts = [...defs.contacts.values()].flatMap((c) => [c.name, c.description, c.lookup ?? '', c.address ?? '']).filter(Boolean);
  const longestFirst = [...content, ...contacts].flatMap((q) => [q, plain(q)]).sort((x, y) => y.length - x.length);
  return strings.map((s) => longestFirst.reduce((rest, q) => rest.split(q).join(' '), s));
}

/** Label words of the other language, also the ones a future hard-coded label would use. */
const EXTRA_LABELS: Record<Language, string[]> = {
  de: [
    'Stand',
    'Quelle',
    'Rechtsgrundlage',
    'Kontakte',
    'Erledigt',
    'Später',
    'Zurück',
    'Mehr dazu',
    'Notfall',
    'Übersicht',
    'Zusammenfassung',
    'Warum',
    'Was tun',
    'Telefon',
    'Befehle',
  ],
  en: [
    'Date',
    'Source',
    'Legal basis',
    'Contacts',
    'Done',
    'Later',
    'Back',
    'More',
    'Emergency',
    'Overview',
    'Summary',
    'Why',
    'What to do',
    'Phone',
    'Commands',
  ],
};

/** Fragments of the other language's texts (placeholders cut out) that differ from this language's. */
function foreignFragments(own: TextSet, other: TextSet): string[] {
  const fragments = new Set<string>();
  const collect = (a: unknown, b: unknown) => {
    if (typeof b === 'string') {
      if (a !== b) for (const f of b.split(/\{\w+\}/)) if (f.trim().length >= 4) fragments.add(f.trim());
    } else if (b && typeof b === 'object')
      for (const [k, v] of Object.entries(b)) if (k !== 'words') collect((a as Record<string, unknown>)?.[k], v);
  };
  collect(own, other);
  return [...fragments];
}

function foreignIn(strings: string[], language: Language): string[] {
  const other: Language = language === 'en' ? 'de' : 'en';
  const fragments = foreignFragments(texts[language], texts[other]);
  const labels = EXTRA_LABELS[other];
  const found: string[] = [];
  const asLabel = (s: string, l: string) =>
    s.trim() === l || new RegExp(`(^|[^\\p{L}])${l.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:`, 'u').test(s);
  for (const s of strings) {
    for (const f of fragments) if (f.length > 25 ? s.includes(f) : asLabel(s, f)) found.push(`${f} in ${JSON.stringify(s.slice(0, 80))}`);
    for (const l of labels) if (asLabel(s, l)) found.push(`${l} in ${JSON.stringify(s.slice(0, 80))}`);
  }
  return found;
}

const WALK: Record<Language, { question: string; start: string; help: string; emergency: string; summary: string }> = {
  en: {
    question: 'What does the federal state working group on human trafficking do?',
    start: 'first steps',
    help: 'help',
    emergency: 'emergency',
    summary: 'summary',
  },
  de: {
    question: 'Was macht die Bund-Länder-Arbeitsgruppe Menschenhandel?',
    start: 'Erste Schritte',
    help: 'hilfe',
    emergency: 'Notfall',
    summary: 'Zusammenfassung',
  },
};

describe.each(['en', 'de'] as const)('every card of a conversation in %s speaks only that language', (language) => {
  it('question, help, checklist walk, more, emergency and summary', async () => {
    const w = WALK[language];
    const c = conversation();
    const seen: Partial<Activity>[] = [];
    const keep = (r: Partial<Activity>[]) => (seen.push(...r), r);
    const [answer] = keep(await c.say(w.question));
    const [notFound] = keep(await c.say(`${w.question.split(' ')[0]} xyzzyplover quuxfrobnicate`));
    expect(cardText(cardOf(notFound))).toContain(texts[language].notFoundTitle);
    expect(cardOf(answer).lang).toBe(language);
    const [help] = keep(await c.say(w.help));
    expect(cardText(cardOf(help))).toContain(texts[language].helpTitle);
    let [reply] = keep(await c.say(w.start));
    for (const def of defs.facts)
      [reply] = keep(await c.press(buttonData(cardOf(reply), { action: 'fact', key: def.key, value: CASES[0].facts[def.key] })));
    expect(cardText(cardOf(reply))).toContain(texts[language].menuTitle);
    [reply] = keep(await c.press(buttonData(cardOf(reply), { action: 'open', checklistId: 'kontakte' })));
    expect(cardText(cardOf(reply))).toContain(texts[language].stepDo);
    const stepCard = reply;
    keep(await c.press(buttonData(cardOf(stepCard), { action: 'more' })));
    keep(await c.press(buttonData(cardOf(stepCard), { action: 'done' })));
    keep(await c.press(buttonData(cardOf(stepCard), { action: 'done' }))); // now outdated
    keep(await c.press(buttonData(cardOf(reply), { verb: 'emergency' })));
    keep(await c.say(w.emergency));
    const summary = keep(await c.say(w.summary));
    expect(cardText(cardOf(summary[0]))).toContain(texts[language].summaryTitle);
    expect(seen.length).toBeGreaterThan(10);
    expect(foreignIn(withoutStepContent(visibleStrings(seen)), language)).toEqual([]);
  });
});

describe('the scan catches a label in the wrong language', () => {
  it('finds "Stand:" in an English string and "Source:" in a German one', () => {
    expect(foreignIn(['Source: X. Stand: 01.01.2026'], 'en')).not.toEqual([]);
    expect(foreignIn(['Quelle: X. Source: Y'], 'de')).not.toEqual([]);
  });
});

describe('help', () => {
  it.each(['de', 'en'] as const)('lists every command, and each listed word works as a command (%s)', async (language) => {
    const t = texts[language];
    const [help] = await conversation().say(t.commands.help.words[0]);
    const text = cardText(cardOf(help));
    for (const name of COMMAND_NAMES) {
      expect(text).toContain(t.commands[name].words[0]);
      expect(text).toContain(t.commands[name].does);
      for (const word of t.commands[name].words) {
        const out = await conversation().say(word);
        const shown = out.map((a) => `${a.text ?? ''}${cardText(cardOf(a))}`).join('\n');
        expect(shown).not.toContain(t.notFoundTitle);
        expect(shown).not.toContain(texts.de.notFoundTitle);
        expect(shown).not.toContain(t.answerTitle);
      }
    }
  });

  it('answers a typed English command in English and a German one in German', async () => {
    const [en] = await conversation().say('continue');
    expect(en.text).toBe(texts.en.nothingToResume);
    const [de] = await conversation().say('weiter');
    expect(de.text).toBe(texts.de.nothingToResume);
  });
});
