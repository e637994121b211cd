import path from 'node:path';
import type { Passage } from '../knowledge/chunk';
import type { IndexedSource } from '../knowledge/indexer';
import type { PassageProvider } from '../knowledge/provider';
import { loadDialogContent, type DialogContent } from './content';
import { fill, loadTexts, textsPath, type TextSet } from './texts';
import type { Checklist, Step } from './schema';

export const checklistSourceId = (checklistId: string) => `checkliste-${checklistId}`;
export const stepPassageId = (checklistId: string, stepId: string) => `${checklistSourceId(checklistId)}#${stepId}`;

/** The checklist step an indexed step passage stands for. */
export function stepOfPassage(passageId: string, checklists: Checklist[]): Step | undefined {
  const [sourceId, stepId] = passageId.split('#');
  const checklist = checklists.find((c) => checklistSourceId(c.id) === sourceId);
  return checklist?.steps.find((s) => s.id === stepId);
}

/** A checklist id from a passage's source id, when the passage is an indexed checklist step. */
export function checklistOfSource(sourceId: string): string | undefined {
  return sourceId.startsWith('checkliste-') ? sourceId.slice('checkliste-'.length) : undefined;
}

/** The search's case facts (knowledge/lexicon/facts.yaml) for a step's conditions: what a question must state. */
const AGE_FACTS: Partial<Record<string, string>> = { u18: 'minor', '18-20': 'under-21' };
const CITIZENSHIP_FACTS: Partial<Record<string, string>> = { eu: 'eu' };

/**
 * The facts a step is for alone: young people, or EU citizens. A condition that also holds for other cases
 * (21plus; non-eu with unknown, the default of most residence steps) states none.
 */
function stepFacts(when: Step['when']): string[] {
  const alone = (values: readonly string[] | undefined, names: Partial<Record<string, string>>) => {
    const facts = (values ?? []).map((v) => names[v]);
    return facts.every((f): f is string => f !== undefined) ? facts : [];
  };
  return [...alone(when?.age, AGE_FACTS), ...alone(when?.citizenship, CITIZENSHIP_FACTS)];
}

/** Case facts for the values of a condition a step may leave out: a stated one rules the step out. */
const EXCLUDING_FACTS: Array<[keyof NonNullable<Step['when']>, string, string]> = [
  ['citizenship', 'eu', 'eu'],
  ['exploitation', 'sexual', 'sector-sex'],
  ['exploitation', 'labour', 'sector-labour'],
  ['exploitation', 'other', 'sector-crime'],
];

/**
 * The facts a step is not for: a condition that leaves out a value ("citizenship: [non-eu, unknown]" leaves out
 * EU citizens, "exploitation: [labour]" sexual exploitation) rules the step out for a question stating it.
 */
function excludedFacts(when: Step['when']): string[] {
  return EXCLUDING_FACTS.filter(([key, value]) => {
    const values = when?.[key] as readonly string[] | undefined;
    return values !== undefined && !values.includes(value);
  }).map(([, , fact]) => fact);
}

/** Step passages are indexed in German, the language of the checklists; the labels come from texts.yaml. */
function stepText(step: Step, content: DialogContent, t: TextSet): string {
  const contacts = step.contacts.map((id) => content.contacts.get(id)?.name).filter(Boolean);
  return [
    step.do,
    step.why,
    step.legal.length ? `${t.stepLegal}: ${step.legal.join('; ')}.` : '',
    contacts.length ? `${t.stepContacts}: ${contacts.join('; ')}.` : '',
    step.confidence === 'L' ? t.uncertainFact : '',
    step.caution ?? '',
  ]
    .filter(Boolean)
    .join('\n');
}

function latestStand(checklist: Checklist): string | null {
  return (
    checklist.steps
      .flatMap((s) => (s.stand ? [s.stand] : []))
      .sort()
      .at(-1) ?? null
  );
}

/** The code that turns checklist YAML into passages: editing it must rebuild the index like editing the YAML. */
const PASSAGE_CODE = ['checklistPassages', 'content', 'schema', 'paths'].map((m) =>
  path.join(__dirname, `${m}${path.extname(__filename)}`),
);

/** Indexes every checklist step as a passage, so "Wie lange ist die Bedenkfrist?" finds the step. */
export function checklistProvider(): PassageProvider {
  let content: DialogContent | undefined;
  const load = () => (content ??= loadDialogContent());
  return {
    files: () => [...load().files, ...PASSAGE_CODE, textsPath],
    load: () => {
      const c = load();
      const t = loadTexts().de;
      const sources: IndexedSource[] = c.checklists.map((checklist) => ({
        id: checklistSourceId(checklist.id),
        title: fill(t.checklistSourceTitle, { title: checklist.title }),
        publisher: t.checklistPublisher,
        date: latestStand(checklist),
        url: null,
        topics: [checklist.id],
        bundesland: null,
        language: 'de',
        kind: 'checklist',
      }));
      const passages: Passage[] = c.checklists.flatMap((checklist) =>
        checklist.steps.map((step) => ({
          id: stepPassageId(checklist.id, step.id),
          sourceId: checklistSourceId(checklist.id),
          heading: step.title,
          text: stepText(step, c, t),
          ...(step.questions.length ? { questions: step.questions } : {}),
          // A step for one Land's cases only ("NRW: Antrag beim LVR oder LWL") answers no question about the others.
          ...(step.when?.land?.length ? { regions: step.when.land } : {}),
          ...(stepFacts(step.when).length ? { facts: stepFacts(step.when) } : {}),
          ...(excludedFacts(step.when).length ? { notFor: excludedFacts(step.when) } : {}),
        })),
      );
      return { sources, passages };
    },
  };
}
