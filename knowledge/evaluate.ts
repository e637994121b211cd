import { foldForMatch } from './normalize';
import type { KnowledgeSearch, SearchHit } from './search';

export interface EvalCase {
  q: string;
  /** Groups of phrases: a hit is relevant when it contains one phrase of every group. */
  expect: string[][];
}

export interface EvalReport {
  cases: number;
  hitAt1: number;
  hitAt3: number;
  mrr: number;
  misses: Array<{ q: string; rank: number | null; top: string[] }>;
}

export function isRelevant(hit: SearchHit, expectGroups: string[][]): boolean {
  const text = foldForMatch(`${hit.source.title} ${hit.passage.heading} ${hit.passage.text}`);
  return expectGroups.every((group) => group.some((phrase) => text.includes(foldForMatch(phrase))));
}

/** hit@1, hit@3 and MRR (over the first 5 results) for a set of question cases. */
export function evaluate(search: KnowledgeSearch, cases: EvalCase[]): EvalReport {
  let hit1 = 0;
  let hit3 = 0;
  let rr = 0;
  const misses: EvalReport['misses'] = [];
  for (const c of cases) {
    const hits = search.search(c.q, 5).hits;
    const rank = hits.findIndex((h) => isRelevant(h, c.expect));
    if (rank === 0) hit1++;
    if (rank >= 0 && rank < 3) hit3++;
    if (rank >= 0) rr += 1 / (rank + 1);
    if (rank !== 0) misses.push({ q: c.q, rank: rank >= 0 ? rank + 1 : null, top: hits.slice(0, 3).map((h) => h.passage.id) });
  }
  const n = Math.max(1, cases.length);
  return { cases: cases.length, hitAt1: hit1 / n, hitAt3: hit3 / n, mrr: rr / n, misses };
}
