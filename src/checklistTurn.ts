import type { TurnContext } from 'botbuilder';
import { TurnState } from '@microsoft/teams-ai';
import { z } from 'zod';
import { reduce, type Action, type Definitions, type Progress, type View } from '../dialogs/engine';
import { FACT_KEYS, type FactKey } from '../dialogs/schema';
import { FACHINFO_SOURCE } from '../dialogs/content';
import { stepPassageId } from '../dialogs/checklistPassages';
import type { Language, Texts } from '../dialogs/texts';
import type { KnowledgeSearch } from '../knowledge/search';
import type { AdaptiveCard } from './cards/adaptive';
import type { LawChangeData } from '../dialogs/amendments';
import { stepLawChangeNote } from './lawChangeNotes';
import { checklistDoneCard, emergencyCard, factCard, menuCard, stepCard, summaryCard } from './cards/checklistCards';

/** Conversation state: the checklist progress (ids and button values only). Expiry is the storage's job. */
export interface LotseConversation {
  checklist?: Progress;
}
export type LotseTurnState = TurnState<LotseConversation>;

/** Card values are untrusted input: validated before they reach the engine. */
export const ChecklistSubmit = z.discriminatedUnion('action', [
  z.object({ action: z.literal('fact'), key: z.enum(FACT_KEYS as [string, ...string[]]), value: z.string().max(20) }),
  z.object({ action: z.literal('open'), checklistId: z.string().max(40) }),
  z.object({ action: z.enum(['start', 'done', 'later', 'back', 'resume', 'menu', 'summary', 'cancel', 'more']) }),
]);
export type ChecklistSubmit = z.infer<typeof ChecklistSubmit>;

export interface ChecklistDeps {
  defs: Definitions;
  texts: Texts;
  search: KnowledgeSearch;
  printUrl: (progress: Progress) => string | undefined;
  now: () => Date;
  send: (ctx: TurnContext, card: AdaptiveCard) => Promise<unknown>;
  showPassage: (ctx: TurnContext, passageId: string, language: Language) => Promise<void>;
  lawChanges: LawChangeData;
}

export function currentProgress(state: LotseTurnState): Progress | undefined {
  return state.conversation.checklist;
}

function sourceTitle(search: KnowledgeSearch, source: string): string {
  if (source === FACHINFO_SOURCE) return 'Lotse-Fachinformation nach Gesetzestext';
  const s = search.source(source);
  return s ? `${s.title} (${s.publisher})` : source;
}

export function renderView(view: View, progress: Progress | undefined, deps: ChecklistDeps, language: Language): AdaptiveCard | string {
  const t = deps.texts[language];
  switch (view.kind) {
    case 'fact':
      return factCard(view.def, view.index, view.total, t, language);
    case 'menu':
      return menuCard(view, t, language, progress && deps.printUrl(progress));
    case 'step':
      return stepCard(view, t, language, sourceTitle(deps.search, view.step.source), stepLawChangeNote(view.step, deps.lawChanges, t, language, deps.now()));
    case 'checklistDone':
      return checklistDoneCard(view, t, language);
    case 'summary':
      return summaryCard(view.summary, t, language, deps.now());
    case 'cancelled':
      return t.cancelled;
    case 'nothingToResume':
      return t.nothingToResume;
  }
}

/** One checklist turn: run the engine on the stored progress, store the result, show the view. */
export async function runChecklist(ctx: TurnContext, state: LotseTurnState, action: Action | { type: 'more' }, deps: ChecklistDeps, language: Language = 'de'): Promise<void> {
  const progress = currentProgress(state);
  if (action.type === 'more') {
    const view = progress && reduce(deps.defs, progress, { type: 'resume' }).view;
    if (view?.kind !== 'step') {
      await ctx.sendActivity(deps.texts[language].nothingToResume);
      return;
    }
    const target = view.step.source === FACHINFO_SOURCE ? undefined : bestPassageOf(deps.search, view.step.source, `${view.step.title} ${view.step.do}`);
    await deps.showPassage(ctx, target ?? stepPassageId(view.checklist.id, view.step.id), language);
    return;
  }
  const outcome = reduce(deps.defs, progress, action);
  if (outcome.progress) state.conversation.checklist = outcome.progress;
  else delete state.conversation.checklist;
  if (action.type === 'summary' && outcome.view.kind === 'fact') await ctx.sendActivity(deps.texts[language].summaryNeedsFacts);
  const rendered = renderView(outcome.view, outcome.progress, deps, language);
  if (typeof rendered === 'string') await ctx.sendActivity(rendered);
  else await deps.send(ctx, rendered);
  if (outcome.view.kind === 'summary') {
    const { fallbackText } = rendered as AdaptiveCard;
    await ctx.sendActivity({ type: 'message', text: `${deps.texts[language].summaryCopy}\n\n\`\`\`\n${fallbackText}\n\`\`\``, textFormat: 'markdown' });
  }
}

function bestPassageOf(search: KnowledgeSearch, sourceId: string, query: string): string | undefined {
  return search.search(query, 50).hits.find((h) => h.source.id === sourceId)?.passage.id;
}

export function toAction(submit: ChecklistSubmit): Action | { type: 'more' } {
  switch (submit.action) {
    case 'fact':
      return { type: 'fact', key: submit.key as FactKey, value: submit.value };
    case 'open':
      return { type: 'open', checklistId: submit.checklistId };
    default:
      return { type: submit.action };
  }
}

export async function sendEmergency(ctx: TurnContext, state: LotseTurnState, deps: ChecklistDeps, language: Language): Promise<void> {
  const contacts = ['polizei-notruf', 'hilfetelefon'].map((id) => deps.defs.contacts.get(id)).filter((c) => c !== undefined);
  await deps.send(ctx, emergencyCard(contacts, deps.texts[language], language, !!currentProgress(state)));
}
