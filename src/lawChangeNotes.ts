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

type NoteDeps = { checklists: Checklist[]; lawChanges: LawChangeData; corrections: Correction[] };
type Note = PassageView['warnings'][number];

/** The corrections and the law-change note of one passage on one day (ISO date). */
function passageNotes(hit: Pick<SearchHit, 'passage' | 'source'>, deps: NoteDeps, t: TextSet, language: Language, today: string): Note[] {
  const step = stepOfPassage(hit.passage.id, deps.checklists);
  const notes = step
    ? stepLawChanges(step, today, deps.lawChanges)
    : textLawChanges(`${hit.passage.heading}\n${hit.passage.text}`, hit.source.date, today, deps.lawChanges);
  const note = lawChangeText(notes, t, language);
  const corrected = step
    ? []
    : correctionsFor(hit.source.id, `${hit.passage.heading}\n${hit.passage.text}`, deps.corrections).map((c) => c.text[language]);
  return [...corrected, ...(note ? [note] : [])].map((text) => ({ kind: 'note' as const, text }));
}

const withNotes = (view: PassageView, added: readonly Note[]): PassageView =>
  added.length ? { ...view, warnings: [...view.warnings, ...added] } : view;

/**
 * Adds the law-change note to a passage shown as an answer: a step passage by the norms its step cites,
 * a source passage by the laws its text names, against the source's date; plus any correction of an
 * outdated statement in a source passage. The notes depend only on the passage, the language and the date,
 * and finding them (parsing the cited norms, matching every law's pattern against the passage) was a visible
 * share of every answer's time: each passage's notes are remembered for the day (at most one entry per
 * passage and language; all forgotten when the day changes).
 */
export function dailyLawChangeNotes(deps: NoteDeps, texts: Record<Language, TextSet>) {
  let day = NaN;
  let today = '';
  let known = new Map<string, readonly Note[]>();
  return (view: PassageView, hit: Pick<SearchHit, 'passage' | 'source'>, language: Language, now: Date): PassageView => {
    const dayNumber = Math.floor(now.getTime() / 86_400_000);
    if (dayNumber !== day) {
      day = dayNumber;
      today = isoDay(now);
      known = new Map();
    }
    const key = `${language}\n${hit.passage.id}`;
    let added = known.get(key);
    if (!added) {
      added = Object.freeze(passageNotes(hit, deps, texts[language], language, today).map((n) => Object.freeze(n)));
      known.set(key, added);
    }
    return withNotes(view, added);
  };
}
