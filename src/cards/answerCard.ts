import type { AnswerView, PassageView, PassageWarning } from '../../knowledge/answer';
import type { Language, TextSet } from '../../dialogs/texts';
import { fill } from '../../dialogs/texts';
import { askAPerson } from './directoryCard';
import { card, heading, paragraph, plain, small, submit, warning, type AdaptiveCard, type CardElement } from './adaptive';
import { VERB_ASK, VERB_CHECKLIST, VERB_FEEDBACK, VERB_SHOW_PASSAGE } from './verbs';

/** How a card words one passage: its language, texts and the legal notes' wording. */
export interface Wording {
  language: Language;
  t: TextSet;
}

export function standText(p: PassageView, { language, t }: Pick<Wording, 'language' | 't'>): string {
  if (!p.date) return `${t.dateUnknown}${p.dateNote ? ` (${p.dateNote})` : ''}`;
  const [y, m, d] = p.date.split('-');
  return language === 'de' ? `${d}.${m}.${y}` : p.date;
}

export function warningText(w: PassageWarning, { t }: Wording): string {
  switch (w.kind) {
    case 'oldSource':
      return fill(t.oldSource, { year: w.year, age: w.age });
    case 'undatedSource':
      return t.undatedSource;
    case 'note':
      return w.text;
  }
}

function citation(p: PassageView, wording: Wording): string {
  const { t } = wording;
  return `${t.sourceLabel}: ${p.title} – ${p.publisher}. ${t.standLabel}: ${standText(p, wording)}${p.url ? ` – ${p.url}` : ''}`;
}

/** A "Meinten Sie …?" button: the passage's own heading (the step title), else its source's title. */
function shortLabel(p: PassageView): string {
  const label = p.heading || p.title;
  return label.length > 60 ? `${label.slice(0, 57)}…` : label;
}

/** A button that opens the passage (the runners-up of an uncertain answer, the related ones of a declined question). */
const openButton = (p: PassageView, language: string): CardElement =>
  submit(shortLabel(p), VERB_SHOW_PASSAGE, { passageId: p.id, lang: language });

/** The answer as plain text: the fallback for channels without cards, and the card's fallbackText. */
export function answerText(view: AnswerView, t: TextSet): string {
  if (!view.main) {
    const related = view.alternatives.length ? ['', t.relatedLabel, ...view.alternatives.map((a) => `- ${shortLabel(a)}`)] : [];
    return [`${t.notFoundTitle}. ${t.notFound}`, ...related].join('\n');
  }
  const p = view.main;
  const wording = { language: view.language, t };
  const lines = [
    view.kind === 'uncertain' ? t.uncertainIntro : t.answerTitle,
    '',
    p.heading,
    p.text,
    '',
    citation(p, wording),
    ...p.warnings.map((w) => `⚠ ${warningText(w, wording)}`),
  ];
  if (view.alternatives.length) lines.push('', t.alternativesLabel, ...view.alternatives.map((a) => `- ${shortLabel(a)}`));
  return lines.join('\n');
}

function passageBody(p: PassageView, wording: Wording): CardElement[] {
  return [
    ...(p.heading && p.heading !== p.title ? [paragraph(plain(p.heading), { weight: 'Bolder' })] : []),
    paragraph(plain(p.text)),
    small(plain(citation(p, wording))),
    ...p.warnings.map((w) => warning(warningText(w, wording))),
  ];
}

/** `checklist` is set when the passage is a checklist step: the card then offers to start that checklist. */
export function answerCard(view: AnswerView, t: TextSet, checklist?: { id: string; title: string }): AdaptiveCard {
  const p = view.main!;
  const intro = view.kind === 'uncertain' ? paragraph(t.uncertainIntro, { isSubtle: true }) : heading(t.answerTitle);
  const actions = view.alternatives.map((a) => openButton(a, view.language));
  if (checklist)
    actions.unshift(
      submit(fill(t.btnOpenChecklist, { title: checklist.title }), VERB_CHECKLIST, {
        action: 'open',
        checklistId: checklist.id,
        lang: view.language,
      }),
    );
  const body = [
    intro,
    ...passageBody(p, { language: view.language, t }),
    feedbackRow(p.id, view.language, t),
    ...(view.alternatives.length ? [paragraph(t.alternativesLabel, { spacing: 'Large', weight: 'Bolder' })] : []),
  ];
  return card(view.language, answerText(view, t), body, actions);
}

/** "Hilfreich? Ja / Nein": the click carries only the passage id and the verdict. */
function feedbackRow(passageId: string, lang: string, t: TextSet): CardElement {
  return {
    type: 'ColumnSet',
    spacing: 'Medium',
    columns: [
      { type: 'Column', width: 'auto', verticalContentAlignment: 'Center', items: [small(t.feedbackQuestion)] },
      {
        type: 'Column',
        width: 'auto',
        items: [
          {
            type: 'ActionSet',
            actions: [
              submit(t.feedbackYes, VERB_FEEDBACK, { passageId, helpful: 'yes', lang }),
              submit(t.feedbackNo, VERB_FEEDBACK, { passageId, helpful: 'no', lang }),
            ],
          },
        ],
      },
    ],
  };
}

export function notFoundCard(view: AnswerView, t: TextSet, suggestions: string[]): AdaptiveCard {
  const body: CardElement[] = [heading(t.notFoundTitle), paragraph(t.notFound)];
  if (view.unknownWords.length)
    body.push(small(fill(t.unknownWords, { words: view.unknownWords.map((word) => fill(t.quotedWord, { word })).join(', ') })));
  // Close passages, to open (never shown as an answer): in the body, so the card keeps its few root actions.
  if (view.alternatives.length)
    body.push(paragraph(t.relatedLabel, { spacing: 'Medium', weight: 'Bolder' }), {
      type: 'ActionSet',
      actions: view.alternatives.map((a) => openButton(a, view.language)),
    });
  body.push(paragraph(t.tryInstead, { spacing: 'Medium' }));
  const person = askAPerson(t, view.language);
  body.push(person.block);
  const actions = [...suggestions.map((q) => submit(q, VERB_ASK, { question: q })), person.action];
  return card(view.language, answerText(view, t), body, actions);
}
