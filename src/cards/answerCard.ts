import type { AnswerView, PassageView } from '../../knowledge/answer';
import type { TextSet } from '../../dialogs/texts';
import { fill } from '../../dialogs/texts';
import { card, heading, paragraph, plain, small, submit, warning, type AdaptiveCard, type CardElement } from './adaptive';

export const VERB_SHOW_PASSAGE = 'showPassage';
export const VERB_FEEDBACK = 'feedback';

function citation(p: PassageView, t: TextSet): string {
  return `${t.sourceLabel}: ${p.title} – ${p.publisher}. ${t.standLabel}: ${p.stand}${p.url ? ` – ${p.url}` : ''}`;
}

/** A "Meinten Sie …?" button: the passage's own heading (the step title), else its source's title. */
function shortLabel(p: PassageView): string {
  const label = p.heading || p.title;
  return label.length > 60 ? `${label.slice(0, 57)}…` : label;
}

/** The answer as plain text: the fallback for channels without cards, and the card's fallbackText. */
export function answerText(view: AnswerView, t: TextSet): string {
  if (!view.main) return `${t.notFoundTitle}. ${t.notFound}`;
  const p = view.main;
  const lines = [view.kind === 'uncertain' ? t.uncertainIntro : t.answerTitle, '', p.heading, p.text, '', citation(p, t), ...p.warnings.map((w) => `⚠ ${w}`)];
  if (view.alternatives.length) lines.push('', t.alternativesLabel, ...view.alternatives.map((a) => `- ${shortLabel(a)}`));
  return lines.join('\n');
}

export function passageBody(p: PassageView, t: TextSet): CardElement[] {
  return [
    ...(p.heading && p.heading !== p.title ? [paragraph(plain(p.heading), { weight: 'Bolder' })] : []),
    paragraph(plain(p.text)),
    small(plain(citation(p, t))),
    ...p.warnings.map(warning),
  ];
}

/** `checklist` is set when the passage is a checklist step: the card then offers to start that checklist. */
export function answerCard(view: AnswerView, t: TextSet, checklist?: { id: string; title: string }): AdaptiveCard {
  const p = view.main!;
  const intro = view.kind === 'uncertain' ? paragraph(t.uncertainIntro, { isSubtle: true }) : heading(t.answerTitle);
  const actions = view.alternatives.map((a) => submit(shortLabel(a), VERB_SHOW_PASSAGE, { passageId: a.id, lang: view.language }));
  if (checklist) actions.unshift(submit(fill(t.btnOpenChecklist, { title: checklist.title }), 'checklist', { action: 'open', checklistId: checklist.id, lang: view.language }));
  const body = [intro, ...passageBody(p, t), feedbackRow(p.id, view.language, t), ...(view.alternatives.length ? [paragraph(t.alternativesLabel, { spacing: 'Large', weight: 'Bolder' })] : [])];
  return card(view.language, answerText(view, t), body, actions);
}

/** "Hilfreich? Ja / Nein": the click carries only the passage id and the verdict. */
function feedbackRow(passageId: string, lang: string, t: TextSet): CardElement {
  return {
    type: 'ColumnSet',
    spacing: 'Medium',
    columns: [
      { type: 'Column', width: 'auto', verticalContentAlignment: 'Center', items: [small(t.feedbackQuestion)] },
      { type: 'Column', width: 'auto', items: [{ type: 'ActionSet', actions: [submit(t.feedbackYes, VERB_FEEDBACK, { passageId, helpful: 'yes', lang }), submit(t.feedbackNo, VERB_FEEDBACK, { passageId, helpful: 'no', lang })] }] },
    ],
  };
}

export function notFoundCard(view: AnswerView, t: TextSet, suggestions: string[]): AdaptiveCard {
  const body: CardElement[] = [heading(t.notFoundTitle), paragraph(t.notFound)];
  if (view.unknownWords.length) body.push(small(t.unknownWords.replace('{words}', view.unknownWords.map((w) => `„${w}“`).join(', '))));
  body.push(paragraph(t.tryInstead, { spacing: 'Medium' }));
  const actions = suggestions.map((q) => ({ type: 'Action.Submit', title: q, data: { verb: 'ask', question: q } }));
  return card(view.language, `${t.notFoundTitle}. ${t.notFound}`, body, actions);
}
