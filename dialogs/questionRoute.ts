import { decideAnswer, type AnswerDecision } from '../knowledge/confidence';
import type { KnowledgeSearch, SearchHit, SearchResult } from '../knowledge/search';
import { directorySourceId } from './directoryPassages';
import { parseContactQuestion, type ContactQuestion, type Filter, type QueryVocabulary } from './directoryQuery';

/**
 * What the chat does with a free-text question (pure; the bot, `ask --json` and the eval share it):
 * - `directory`: a contact question naming a Land or city gets that Land's directory ("Beratungsstelle in Leipzig?");
 * - `askLand`: a contact question without a Land the sources do not answer at all gets the Land buttons alone;
 * - `offerLand`: a contact question without a Land the sources answer, clearly or with alternatives, gets that
 *   answer with the Land to pick below it ("Wo finde ich eine Beratungsstelle?" gets the step on finding one, not
 *   only "Which Land?"; "Gibt es Beratungsstellen für Männer?" the step on men, with the Land list one tap away);
 * - `search`: every other question gets the search's answer.
 */
export type QuestionRoute =
  | { kind: 'directory'; asked: ContactQuestion & { land: NonNullable<ContactQuestion['land']> } }
  | { kind: 'askLand'; filters: Filter[] }
  | { kind: 'offerLand'; filters: Filter[] }
  | { kind: 'search' };

export function routeQuestion(
  question: string,
  result: Pick<SearchResult, 'hits' | 'confidence' | 'bands'>,
  vocab: QueryVocabulary,
): QuestionRoute {
  const asked = parseContactQuestion(question, vocab);
  if (!asked) return { kind: 'search' };
  if (asked.land) return { kind: 'directory', asked: { ...asked, land: asked.land } };
  // A contact word does not make every question a directory request ("Darf die Fachberatungsstelle der Polizei
  // sagen …", "Wer zahlt die Dolmetscherin in der Beratung?"): whatever the sources answer stays on the screen.
  return decideAnswer(result) === 'none' ? { kind: 'askLand', filters: asked.filters } : { kind: 'offerLand', filters: asked.filters };
}

/** The indexed passage a directory answer shows: the Land's list of entries. */
export function directoryPassageId(land: string): string {
  return `${directorySourceId(land)}#eintraege`;
}

/**
 * A question answered as the chat answers it, as data: the route, the decision and the passages in the order
 * the user sees them (a Land's directory first). For `ask --json` and the eval, so both measure what users get.
 */
export function answerAsChat(
  search: Pick<KnowledgeSearch, 'search' | 'passage'>,
  question: string,
  vocab: QueryVocabulary,
  limit?: number,
): { result: SearchResult; route: QuestionRoute['kind']; answer: AnswerDecision; hits: SearchHit[] } {
  const result = search.search(question, limit);
  const route = routeQuestion(question, result, vocab);
  // The Land buttons alone show no passage: as far as the answer goes, that is no answer.
  if (route.kind === 'askLand') return { result, route: route.kind, answer: 'none', hits: [] };
  if (route.kind !== 'directory') return { result, route: route.kind, answer: decideAnswer(result), hits: result.hits };
  const shown = search.passage(directoryPassageId(route.asked.land));
  const hits = shown ? [shown, ...result.hits.filter((h) => h.passage.id !== shown.passage.id)] : result.hits;
  return { result, route: route.kind, answer: 'confident', hits };
}
