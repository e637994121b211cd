import type { TurnContext } from 'botbuilder';
import type { Application } from './teamsAi';
import { z } from 'zod';
import type { Directory } from '../dialogs/directory';
import { FILTERS, loadQueryVocabulary, type Filter, type QueryVocabulary } from '../dialogs/directoryQuery';
import { routeQuestion } from '../dialogs/questionRoute';
import type { SearchResult } from '../knowledge/search';
import { selectForQuestion } from '../dialogs/directorySelect';
import type { Language, Texts } from '../dialogs/texts';
import { Bundesland, type BundeslandCode } from '../knowledge/sourceSchema';
import type { AdaptiveCard } from './cards/adaptive';
import { directoryCard, landQuestionCard, VERB_DIRECTORY, withLandOffer } from './cards/directoryCard';
import type { LotseTurnState } from './checklistTurn';

export interface DirectoryDeps {
  /** Without a directory, contact questions go to the knowledge search as before. */
  directory?: Directory;
  texts: Texts;
  now: () => Date;
  send: (ctx: TurnContext, card: AdaptiveCard) => Promise<unknown>;
  vocabulary?: QueryVocabulary;
}

/** Button values are untrusted: a Land code and filter codes only. */
const DirectorySubmit = z.object({
  land: Bundesland.optional(),
  filters: z.string().max(60).optional(),
  lang: z.enum(['de', 'en']).optional(),
});

const filterCodes = (value: string | undefined): Filter[] =>
  (value ?? '').split(',').filter((f): f is Filter => (FILTERS as readonly string[]).includes(f));

/**
 * Contact questions and the Land buttons (dialogs/questionRoute.ts decides); the question text is only
 * matched, never stored or logged.
 */
export function directoryRoutes(app: Application<LotseTurnState>, deps: DirectoryDeps) {
  const vocab = deps.vocabulary ?? loadQueryVocabulary();

  async function show(
    ctx: TurnContext,
    land: BundeslandCode | undefined,
    city: string | undefined,
    filters: Filter[],
    language: Language,
  ): Promise<void> {
    const t = deps.texts[language];
    if (!deps.directory) return;
    if (!land) await deps.send(ctx, landQuestionCard(vocab.lands, filters, t, language));
    else
      await deps.send(
        ctx,
        directoryCard(selectForQuestion(deps.directory, { land, city, filters }), deps.directory, vocab.lands, t, language, deps.now()),
      );
  }

  app.adaptiveCards.actionSubmit<Record<string, unknown>>(VERB_DIRECTORY, async (ctx, _state, data) => {
    const parsed = DirectorySubmit.safeParse(data);
    const value = parsed.success ? parsed.data : {};
    await show(ctx, value.land, undefined, filterCodes(value.filters), value.lang ?? 'de');
  });

  return {
    /**
     * A contact question: answered here (the Land's directory, or the Land buttons when the sources have
     * nothing) → null; answered by the search with the Land offered below → that decoration; else identity.
     */
    async answer(
      ctx: TurnContext,
      question: string,
      language: Language,
      result: Pick<SearchResult, 'hits' | 'confidence' | 'bands'>,
    ): Promise<((card: AdaptiveCard) => AdaptiveCard) | null> {
      const route = deps.directory ? routeQuestion(question, result, vocab) : ({ kind: 'search' } as const);
      if (route.kind === 'directory') await show(ctx, route.asked.land, route.asked.city, route.asked.filters, language);
      else if (route.kind === 'askLand') await show(ctx, undefined, undefined, route.filters, language);
      else if (route.kind === 'offerLand') return (card) => withLandOffer(card, vocab.lands, route.filters, deps.texts[language], language);
      else return (card) => card;
      return null;
    },
  };
}
