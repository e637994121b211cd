import type { TurnContext } from 'botbuilder';
import { TurnState } from './teamsAi';
import { z } from 'zod';
import { entryContact, reduce, type Action, type Definitions, type Progress, type View } from '../dialogs/engine';
import { FACT_KEYS, type FactKey, type Step } from '../dialogs/schema';
import { hotlinesOf } from '../dialogs/directorySelect';
import { FACHINFO_SOURCE } from '../dialogs/content';
import { stepPassageId } from '../dialogs/checklistPassages';
import type { Language, Texts, TextSet } from '../dialogs/texts';
import type { KnowledgeSearch } from '../knowledge/search';
import type { AdaptiveCard } from './cards/adaptive';
import type { SeenActivities } from './replayGuard';
import type { LawChangeData } from '../dialogs/amendments';
import { stepLawChangeNote } from './lawChangeNotes';
import { checklistDoneCard, emergencyCard, factCard, menuCard, stepCard, summaryCard } from './cards/checklistCards';

/** Conversation state: the checklist progress (ids and button values only). Expiry is the storage's job. */
export interface LotseConversation {
  checklist?: Progress;
  /** Activity ids handled recently, so a replayed click is a no-op (see replayGuard.ts). */
  seenActivities?: SeenActivities;
}
export type LotseTurnState = TurnState<LotseConversation>;

const id = z.string().max(60);

/**
 * Card values are untrusted input: validated before they reach the engine. Step buttons name their
 * checklist and step, fact buttons their question's position, so a click on an older card is recognised.
 */
export const ChecklistSubmit = z.discriminatedUnion('action', [
  z.object({
    action: z.literal('fact'),
    key: z.enum(FACT_KEYS as [string, ...string[]]),
    value: z.string().max(20),
    index: z.coerce.number().int().min(0).max(50).optional(),
  }),
  z.object({ action: z.literal('open'), checklistId: id }),
  z.object({ action: z.enum(['done', 'later', 'back', 'more']), checklistId: id, stepId: id }),
  z.object({ action: z.enum(['start', 'resume', 'menu', 'summary', 'cancel']) }),
]);
export type ChecklistSubmit = z.infer<typeof ChecklistSubmit>;

export interface ChecklistDeps {
  defs: Definitions;
  texts: Texts;
  search: KnowledgeSearch;
  printUrl: (progress: Progress, language: Language) => string | undefined;
  now: () => Date;
  send: (ctx: TurnContext, card: AdaptiveCard) => Promise<unknown>;
  showPassage: (ctx: TurnContext, passageId: string, language: Language) => Promise<void>;
  lawChanges: LawChangeData;
}

export function currentProgress(state: LotseTurnState): Progress | undefined {
  return state.conversation.checklist;
}

function sourceTitle(search: KnowledgeSearch, source: string, t: TextSet): string {
  if (source === FACHINFO_SOURCE) return t.fachinfoSource;
  const s = search.source(source);
  return s ? `${s.title} (${s.publisher})` : source;
}

/** The passage a step cites: its `passage` field (checked against the index at start-up), else the step itself. */
export function citedPassageId(checklistId: string, step: Step): string {
  return step.passage ?? stepPassageId(checklistId, step.id);
}

export function renderView(view: View, progress: Progress | undefined, deps: ChecklistDeps, language: Language): AdaptiveCard | string {
  const t = deps.texts[language];
  switch (view.kind) {
    case 'fact':
      return factCard(view.def, view.index, view.total, t, language);
    case 'menu':
      return menuCard(view, t, language, progress && deps.printUrl(progress, language));
    case 'step':
      return stepCard(
        view,
        t,
        language,
        sourceTitle(deps.search, view.step.source, t),
        stepLawChangeNote(view.step, deps.lawChanges, t, language, deps.now()),
      );
    case 'checklistDone':
      return checklistDoneCard(view, t, language);
    case 'summary':
      return summaryCard(view.summary, t, language, deps.now());
    case 'cancelled':
      return t.cancelled;
    case 'nothingToResume':
      return t.nothingToResume;
    case 'more':
      throw new Error('a passage view is shown by runChecklist');
  }
}

/** One checklist turn: run the engine on the stored progress, store the result, show the view. */
export async function runChecklist(
  ctx: TurnContext,
  state: LotseTurnState,
  action: Action,
  deps: ChecklistDeps,
  language: Language,
): Promise<void> {
  const outcome = reduce(deps.defs, currentProgress(state), action);
  if (outcome.progress) state.conversation.checklist = outcome.progress;
  else delete state.conversation.checklist;
  if (outcome.view.kind === 'more') {
    await deps.showPassage(ctx, citedPassageId(outcome.view.checklist.id, outcome.view.step), language);
    return;
  }
  if (action.type === 'more' && outcome.view.kind !== 'step' && !outcome.stale) {
    await ctx.sendActivity(deps.texts[language].nothingToResume);
    return;
  }
  if (outcome.stale) await ctx.sendActivity(deps.texts[language].staleCard);
  if (action.type === 'summary' && outcome.view.kind === 'fact') await ctx.sendActivity(deps.texts[language].summaryNeedsFacts);
  const rendered = renderView(outcome.view, outcome.progress, deps, language);
  if (typeof rendered === 'string') await ctx.sendActivity(rendered);
  else await deps.send(ctx, rendered);
  if (outcome.view.kind === 'summary') {
    const { fallbackText } = rendered as AdaptiveCard;
    await ctx.sendActivity({
      type: 'message',
      text: `${deps.texts[language].summaryCopy}\n\n\`\`\`\n${fallbackText}\n\`\`\``,
      textFormat: 'markdown',
    });
  }
}

export function toAction(submit: ChecklistSubmit): Action {
  switch (submit.action) {
    case 'fact':
      return { type: 'fact', key: submit.key as FactKey, value: submit.value, index: submit.index };
    case 'open':
      return { type: 'open', checklistId: submit.checklistId };
    case 'done':
    case 'later':
    case 'back':
    case 'more':
      return { type: submit.action, step: { checklistId: submit.checklistId, stepId: submit.stepId } };
    default:
      return { type: submit.action };
  }
}

export async function sendEmergency(ctx: TurnContext, state: LotseTurnState, deps: ChecklistDeps, language: Language): Promise<void> {
  const contacts = ['polizei-notruf', 'hilfetelefon'].map((id) => deps.defs.contacts.get(id)).filter((c) => c !== undefined);
  // The case Land's phone line for first contact, where the directory has one (e.g. Bavarian Anti-Trafficking HELPline).
  if (deps.defs.directory) contacts.push(...hotlinesOf(deps.defs.directory, currentProgress(state)?.facts.land).map(entryContact));
  await deps.send(ctx, emergencyCard(contacts, deps.texts[language], language, !!currentProgress(state)));
}
