import type { PassageView } from '../knowledge/answer';
import type { SearchHit } from '../knowledge/search';
import type { LawChangeData } from '../dialogs/amendments';
import { stepOfPassage } from '../dialogs/checklistPassages';
import { correctionsFor, type Correction } from '../dialogs/corrections';
import { stepLawChanges, textLawChanges } from '../dialogs/lawChanges';
import type { Checklist, Step } from '../dialogs/schema';
import type { Language, TextSet } from '../dialogs/texts';
import { lawChangeText } from './cards/lawChangeText';

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** The generated law-change note of a checklist step, if a law it cites changed after its Stand. */
export function stepLawChangeNote(step: Step, data: LawChangeData, t: TextSet, language: Language, now: Date): string | undefined {
  return lawChangeText(stepLawChanges(step, isoDay(now), data), t, language);
}

/**
 * Adds the law-change note to a passage shown as an answer: a step passage by the norms its step cites,
 * a source passage by the laws its text names, against the source's date; plus any correction of an
 * outdated statement in a source passage.
 */
export function withLawChangeNote(
  view: PassageView,
  hit: Pick<SearchHit, 'passage' | 'source'>,
  deps: { checklists: Checklist[]; lawChanges: LawChangeData; corrections: Correction[] },
  t: TextSet,
  language: Language,
  now: Date,
): PassageView {
  const step = stepOfPassage(hit.passage.id, deps.checklists);
  const notes = step
    ? stepLawChanges(step, isoDay(now), deps.lawChanges)
    : textLawChanges(`${hit.passage.heading}\n${hit.passage.text}`, hit.source.date, isoDay(now), deps.lawChanges);
  const note = lawChangeText(notes, t, language);
  const corrected = step
    ? []
    : correctionsFor(hit.source.id, `${hit.passage.heading}\n${hit.passage.text}`, deps.corrections).map((c) => c.text[language]);
  const added = [...corrected, ...(note ? [note] : [])].map((text) => ({ kind: 'note' as const, text }));
  return added.length ? { ...view, warnings: [...view.warnings, ...added] } : view;
}
