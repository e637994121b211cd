import type { Passage } from '../knowledge/chunk';
import type { IndexedSource } from '../knowledge/indexer';
import type { PassageProvider } from '../knowledge/build';
import { loadDialogContent, type DialogContent } from './content';
import type { Checklist, Step } from './schema';

export const CHECKLIST_PUBLISHER = 'Lotse-Fachinformation (geprüft am Gesetzestext)';

export const checklistSourceId = (checklistId: string) => `checkliste-${checklistId}`;
export const stepPassageId = (checklistId: string, stepId: string) => `${checklistSourceId(checklistId)}#${stepId}`;

/** A checklist id from a passage's source id, when the passage is an indexed checklist step. */
export function checklistOfSource(sourceId: string): string | undefined {
  return sourceId.startsWith('checkliste-') ? sourceId.slice('checkliste-'.length) : undefined;
}

function stepText(step: Step, content: DialogContent): string {
  const contacts = step.contacts.map((id) => content.contacts.get(id)?.name).filter(Boolean);
  return [
    step.do,
    step.why,
    step.legal.length ? `Rechtsgrundlage: ${step.legal.join('; ')}.` : '',
    contacts.length ? `Kontakte: ${contacts.join('; ')}.` : '',
    step.confidence === 'L' ? 'Nicht abschließend geprüft – mit der Fachberatungsstelle klären.' : '',
    step.caution ?? '',
  ]
    .filter(Boolean)
    .join('\n');
}

function latestStand(checklist: Checklist): string {
  return checklist.steps.map((s) => s.stand).sort().at(-1)!;
}

/** Indexes every checklist step as a passage, so "Wie lange ist die Bedenkfrist?" finds the step. */
export function checklistProvider(): PassageProvider {
  let content: DialogContent | undefined;
  const load = () => (content ??= loadDialogContent());
  return {
    files: () => load().files,
    load: () => {
      const c = load();
      const sources: IndexedSource[] = c.checklists.map((checklist) => ({
        id: checklistSourceId(checklist.id),
        title: `Checkliste: ${checklist.title}`,
        publisher: CHECKLIST_PUBLISHER,
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
          text: stepText(step, c),
          ...(step.questions.length ? { questions: step.questions } : {}),
        })),
      );
      return { sources, passages };
    },
  };
}
