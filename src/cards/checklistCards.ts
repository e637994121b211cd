import type { Contact, FactDef, Step } from '../../dialogs/schema';
import type { Summary, View } from '../../dialogs/engine';
import { contactLine, formatStand, summaryText } from '../../dialogs/summaryText';
import { factLabel, factQuestion } from '../../dialogs/factText';
import { fill, type Language, type TextSet } from '../../dialogs/texts';
import { entryBlock } from './directoryCard';
import { card, heading, paragraph, plain, small, submit, warning, type AdaptiveCard, type CardElement } from './adaptive';

import { VERB_CHECKLIST, VERB_EMERGENCY } from './verbs';

const act = (title: string, action: string, extra: Record<string, string> = {}) => submit(title, VERB_CHECKLIST, { action, ...extra });

function actionRows(actions: CardElement[], perRow: number): CardElement[] {
  const rows: CardElement[] = [];
  for (let i = 0; i < actions.length; i += perRow) rows.push({ type: 'ActionSet', actions: actions.slice(i, i + perRow) });
  return rows;
}

export function factCard(def: FactDef, index: number, total: number, t: TextSet, lang: Language): AdaptiveCard {
  const question = factQuestion(def, lang);
  const labels = def.options.map((o) => factLabel(def, o.value, lang));
  const buttons = def.options.map((o, i) => act(labels[i], 'fact', { key: def.key, value: o.value, index: String(index) }));
  const body = [
    small(fill(t.factProgress, { n: index + 1, total })),
    heading(question),
    ...(index === 0 ? [paragraph(t.checklistIntro, { isSubtle: true })] : []),
    ...actionRows(buttons, def.options.length > 4 ? 4 : def.options.length),
  ];
  return card(lang, `${question} ${labels.join(' / ')}`, body, [submit(t.btnEmergency, VERB_EMERGENCY)]);
}

export function menuCard(view: Extract<View, { kind: 'menu' }>, t: TextSet, lang: string, printUrl?: string): AdaptiveCard {
  const suggested = view.checklists.find((c) => c.id === view.suggested);
  const body = [
    heading(t.menuTitle),
    ...(suggested ? [paragraph(fill(t.menuSuggested, { title: suggested.title }), { weight: 'Bolder' })] : [paragraph(t.allDone)]),
  ];
  const entries = view.checklists.map((c) =>
    act(fill(t.menuEntry, { title: c.title, done: c.done, total: c.total }), 'open', { checklistId: c.id }),
  );
  body.push(...actionRows(entries, 1), small(t.checklistCommands));
  const actions = [
    act(t.btnSummary, 'summary'),
    submit(t.btnEmergency, VERB_EMERGENCY),
    ...(printUrl ? [{ type: 'Action.OpenUrl', title: t.btnPrint, url: printUrl }] : []),
  ];
  return card(lang, `${t.menuTitle} ${view.checklists.map((c) => c.title).join(', ')}`, body, actions);
}

/** A directory entry shows its source, Stand and check note; other contacts their description. */
function contactBlock(c: Contact, t: TextSet, lang: string, now = new Date()): CardElement {
  if (c.entry) return entryBlock(c.entry, t, lang === 'en' ? 'en' : 'de', now);
  return {
    type: 'Container',
    spacing: 'Small',
    items: [paragraph(plain(contactLine(c, t)), { weight: 'Bolder', spacing: 'None' }), small(plain(c.description))],
  };
}

export function stepBody(
  step: Step,
  contacts: Contact[],
  t: TextSet,
  sourceTitle: string,
  lang = 'de',
  lawChangeNote?: string,
): CardElement[] {
  const body: CardElement[] = [
    paragraph(t.stepDo, { weight: 'Bolder', spacing: 'Medium' }),
    paragraph(plain(step.do), { spacing: 'None' }),
    paragraph(t.stepWhy, { weight: 'Bolder', spacing: 'Small' }),
    paragraph(plain(step.why), { spacing: 'None' }),
  ];
  if (contacts.length)
    body.push(paragraph(t.stepContacts, { weight: 'Bolder', spacing: 'Small' }), ...contacts.map((c) => contactBlock(c, t, lang)));
  const legal = step.legal.length ? `${t.stepLegal}: ${step.legal.join('; ')}. ` : '';
  body.push(
    small(plain(`${legal}${t.stepSource}: ${sourceTitle}. ${t.standLabel}: ${step.stand ? formatStand(step.stand) : t.dateUnknown}`)),
  );
  if (step.confidence === 'L') body.push(warning(t.uncertainFact));
  if (step.caution) body.push(warning(step.caution));
  if (lawChangeNote) body.push(warning(lawChangeNote));
  return body;
}

export function stepCard(
  view: Extract<View, { kind: 'step' }>,
  t: TextSet,
  lang: string,
  sourceTitle: string,
  lawChangeNote?: string,
): AdaptiveCard {
  const { checklist, step, position, total, status, contacts } = view;
  const body: CardElement[] = [
    small(`${checklist.title} · ${fill(t.stepCounter, { n: position + 1, total })}`),
    heading(step.title),
    ...(status === 'done' ? [small(t.statusDone)] : status === 'later' ? [small(t.statusLater)] : []),
    ...stepBody(step, contacts, t, sourceTitle, lang, lawChangeNote),
    small(t.checklistCommands),
  ];
  // Each button names its step: a click on this card after the checklist moved on must not tick another step.
  const ref = { checklistId: checklist.id, stepId: step.id };
  const actions = [
    act(t.btnDone, 'done', ref),
    act(t.btnLater, 'later', ref),
    act(t.btnBack, 'back', ref),
    act(t.btnMore, 'more', ref),
    submit(t.btnEmergency, VERB_EMERGENCY),
  ];
  const fallback = `${checklist.title} – ${fill(t.stepCounter, { n: position + 1, total })}: ${step.title}. ${t.stepDo}: ${step.do}`;
  return card(lang, fallback, body, actions);
}

export function checklistDoneCard(view: Extract<View, { kind: 'checklistDone' }>, t: TextSet, lang: string): AdaptiveCard {
  const body: CardElement[] = [heading(fill(t.checklistDoneTitle, { title: view.checklist.title }))];
  if (view.openSteps.length)
    body.push(
      paragraph(t.openStepsLabel, { weight: 'Bolder' }),
      ...view.openSteps.map((s) => paragraph(`☐ ${plain(s.title)}`, { spacing: 'None' })),
    );
  const actions = [
    ...(view.next ? [act(fill(t.nextChecklist, { title: view.next.title }), 'open', { checklistId: view.next.id })] : []),
    act(t.btnMenu, 'menu'),
    act(t.btnSummary, 'summary'),
  ];
  return card(lang, fill(t.checklistDoneTitle, { title: view.checklist.title }), body, actions);
}

export function summaryCard(summary: Summary, t: TextSet, lang: Language, created: Date): AdaptiveCard {
  const body: CardElement[] = [
    heading(t.summaryTitle),
    small(t.summaryPrivacy),
    paragraph(t.summaryFacts, { weight: 'Bolder' }),
    { type: 'FactSet', facts: summary.facts.map((f) => ({ title: factQuestion(f.def, lang), value: factLabel(f.def, f.value, lang) })) },
  ];
  for (const c of summary.checklists) {
    if (!c.done.length && !c.open.length) continue;
    body.push(paragraph(c.title, { weight: 'Bolder', spacing: 'Medium' }));
    body.push(...c.done.map((s) => paragraph(`☑ ${plain(s.title)} – ${t.summaryDone}`, { spacing: 'None', size: 'Small' })));
    body.push(...c.open.map((s) => paragraph(`☐ ${plain(s.title)} – ${t.summaryOpen}`, { spacing: 'None', size: 'Small' })));
  }
  body.push(
    paragraph(t.summaryContacts, { weight: 'Bolder', spacing: 'Medium' }),
    ...summary.contacts.map((c) => contactBlock(c, t, lang, created)),
  );
  body.push(paragraph(t.summaryLegal, { weight: 'Bolder', spacing: 'Medium' }), small(plain(summary.legal.join('; '))));
  return card(lang, summaryText(summary, t, lang, created), body, [act(t.btnMenu, 'menu')]);
}

export function emergencyCard(contacts: Contact[], t: TextSet, lang: string, canResume: boolean): AdaptiveCard {
  const body: CardElement[] = [heading(t.emergencyTitle), ...contacts.map((c) => contactBlock(c, t, lang))];
  if (canResume) body.push(small(t.emergencyResume));
  return card(
    lang,
    `${t.emergencyTitle}: ${contacts.map((c) => contactLine(c, t)).join('; ')}`,
    body,
    canResume ? [act(t.btnResume, 'resume')] : [],
  );
}
