import { SEARCH_DEFAULTS, type SearchResult } from './search';

/** What the chat does with a question: answer plainly, answer and offer alternatives, or "not in my sources". */
export type AnswerDecision = 'confident' | 'uncertain' | 'none';

/**
 * The one place that turns a search result into the chat's decision; the bot (composeAnswer) and the CLI
 * contract (`ask --json` → "answer") both call it, so what the CLI reports is what a user would see.
 */
export function decideAnswer(result: Pick<SearchResult, 'hits' | 'confidence'> & Partial<Pick<SearchResult, 'bands'>>): AnswerDecision {
  const bands = result.bands ?? SEARCH_DEFAULTS;
  if (!result.hits.length || result.confidence < bands.plausible) return 'none';
  return result.confidence >= bands.confident ? 'confident' : 'uncertain';
}
