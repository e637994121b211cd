import { foldForMatch } from './normalize';
import type { KnowledgeSearch, SearchHit } from './search';

export interface EvalCase {
  q: string;
  /** Groups of phrases: a hit is relevant when it contains one phrase of every group. [] = unanswerable. */
  expect: string[][];
  /** Passage ids that answer the question ("source#" = every passage of that source); relevant too. */
  ids?: string[];
  style?: string;
  topic?: string;
  /** "tune" cases may guide tuning the search, "holdout" cases never. */
  split?: 'tune' | 'holdout';
}

export interface EvalReport {
  cases: number;
  hitAt1: number;
  hitAt3: number;
  mrr: number;
  misses: Array<{ q: string; rank: number | null; top: string[] }>;
}

/** A case with no expected phrases and no ids: the sources cannot answer it; the right answer is "none". */
export function isUnanswerable(c: Pick<EvalCase, 'expect' | 'ids'>): boolean {
  return c.expect.length === 0 && !c.ids?.length;
}

export function isRelevant(hit: Pick<SearchHit, 'passage' | 'source'>, expectGroups: string[][], ids: string[] = []): boolean {
  const id = hit.passage.id;
  if (ids.some((x) => (x.endsWith('#') ? id.startsWith(x) : id === x))) return true;
  if (!expectGroups.length) return false;
  const text = foldForMatch(`${hit.source.title} ${hit.passage.heading} ${hit.passage.text}`);
  return expectGroups.every((group) => group.some((phrase) => text.includes(foldForMatch(phrase))));
}

/** hit@1, hit@3 and MRR (over the first 5 results) for a set of answerable question cases. */
export function evaluate(search: KnowledgeSearch, cases: EvalCase[]): EvalReport {
  let hit1 = 0;
  let hit3 = 0;
  let rr = 0;
  const misses: EvalReport['misses'] = [];
  const answerable = cases.filter((c) => !isUnanswerable(c));
  for (const c of answerable) {
    const hits = search.search(c.q, 5).hits;
    const rank = hits.findIndex((h) => isRelevant(h, c.expect, c.ids));
    if (rank === 0) hit1++;
    if (rank >= 0 && rank < 3) hit3++;
    if (rank >= 0) rr += 1 / (rank + 1);
    if (rank !== 0) misses.push({ q: c.q, rank: rank >= 0 ? rank + 1 : null, top: hits.slice(0, 3).map((h) => h.passage.id) });
  }
  const n = Math.max(1, answerable.length);
  return { cases: answerable.length, hitAt1: hit1 / n, hitAt3: hit3 / n, mrr: rr / n, misses };
}
