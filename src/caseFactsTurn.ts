import type { TurnContext } from 'botbuilder';
import { reduce, type Outcome } from '../dialogs/engine';
import { RECOGNISABLE_KEYS } from '../dialogs/recognisedFacts';
import type { FactKey, Facts } from '../dialogs/schema';
import type { Language } from '../dialogs/texts';
import { factInputId } from './cards/caseFactsCard';
import { renderView, type ChecklistDeps, type LotseTurnState } from './checklistTurn';

/**
 * "Erste Schritte mit diesen Angaben" pressed: a fresh checklist with the confirmed facts already set, then
 * the next question or step. Card values are untrusted: only a recognisable key with one of its options
 * from facts.yaml is taken over; anything else is ignored (the checklist then asks for it).
 */
export async function startWithFacts(
  ctx: TurnContext,
  state: LotseTurnState,
  data: Record<string, unknown>,
  deps: ChecklistDeps,
  language: Language,
): Promise<void> {
  const facts: Partial<Record<FactKey, string>> = {};
  for (const key of RECOGNISABLE_KEYS) {
    const value = data[factInputId(key)];
    const def = deps.defs.facts.find((d) => d.key === key);
    if (typeof value === 'string' && def?.options.some((o) => o.value === value)) facts[key as FactKey] = value;
  }
  const outcome: Outcome = reduce(deps.defs, undefined, { type: 'start', facts: facts as Facts });
  if (outcome.progress) state.conversation.checklist = outcome.progress;
  const rendered = renderView(outcome.view, outcome.progress, deps, language);
  if (typeof rendered === 'string') await ctx.sendActivity(rendered);
  else await deps.send(ctx, rendered);
}
