// Frozen copy of knowledge/indexer.ts as of commit 85e3172 (before the performance work of issue 8).
// Used only by test/knowledge/searchEquivalence.test.ts: the optimised code must rank and score exactly like this.
import type { Passage } from '../../../knowledge/chunk';
import { stem, words } from '../../../knowledge/normalize';
import type { SourceMeta } from '../../../knowledge/sourceSchema';

export const INDEX_FORMAT = 'lotse-knowledge-index';
export const INDEX_VERSION = 1;

/** Ranking parameters, frozen in one place and stored with the index they were built for. */
export const RANKING = Object.freeze({ k1: 1.2, b: 0.5, headingWeight: 2.5, compoundPartWeight: 0.5, minPartLength: 5 });

export interface IndexedSource extends SourceMeta {
  /** "document" for files in knowledge/sources, "checklist" for indexed checklist steps. */
  kind: 'document' | 'checklist';
}

export interface SerializedIndex {
  format: typeof INDEX_FORMAT;
  version: typeof INDEX_VERSION;
  builtAt: string;
  ranking: typeof RANKING;
  sources: IndexedSource[];
  passages: Passage[];
  /** Sorted vocabulary of stemmed, folded terms. */
  vocab: string[];
  /** Per term: flat pairs [passage number, BM25 term-frequency impact × 1000]. */
  postings: number[][];
}

/** Tokens of a text as stems, plus suffix parts of compounds found in the vocabulary. */
function termsOf(text: string): string[] {
  return words(text).map(stem);
}

function compoundParts(term: string, vocab: Set<string>): string[] {
  const parts: string[] = [];
  for (let i = 3; i <= term.length - RANKING.minPartLength; i++) {
    const tail = term.slice(i);
    if (vocab.has(tail)) {
      parts.push(tail);
      break; // the longest known tail is the head word of the compound
    }
  }
  return parts;
}

/** Builds the inverted index: BM25 impacts per (term, passage), headings weighted above body text. */
export function buildIndex(sources: IndexedSource[], passages: Passage[], builtAt = new Date()): SerializedIndex {
  const sourceTitle = new Map(sources.map((s) => [s.id, s.title]));
  const fields = passages.map((p) => ({
    head: termsOf(`${sourceTitle.get(p.sourceId) ?? ''} ${p.heading}`),
    body: termsOf(p.text),
  }));
  const vocabSet = new Set<string>();
  for (const f of fields) for (const t of [...f.head, ...f.body]) vocabSet.add(t);

  const partsCache = new Map<string, string[]>();
  const partsOf = (t: string) => {
    let parts = partsCache.get(t);
    if (!parts) partsCache.set(t, (parts = t.length >= 8 ? compoundParts(t, vocabSet) : []));
    return parts;
  };

  const weightedTf = fields.map((f) => {
    const tf = new Map<string, number>();
    const add = (terms: string[], w: number) => {
      for (const t of terms) {
        tf.set(t, (tf.get(t) ?? 0) + w);
        for (const part of partsOf(t)) tf.set(part, (tf.get(part) ?? 0) + w * RANKING.compoundPartWeight);
      }
    };
    add(f.head, RANKING.headingWeight);
    add(f.body, 1);
    return { tf, length: f.head.length * RANKING.headingWeight + f.body.length };
  });
  const avgLength = weightedTf.reduce((s, d) => s + d.length, 0) / Math.max(1, weightedTf.length);

  const vocab = [...vocabSet].sort();
  const termId = new Map(vocab.map((t, i) => [t, i]));
  const postings: number[][] = vocab.map(() => []);
  weightedTf.forEach(({ tf, length }, pid) => {
    const norm = RANKING.k1 * (1 - RANKING.b + (RANKING.b * length) / avgLength);
    for (const [term, f] of tf) {
      const impact = (f * (RANKING.k1 + 1)) / (f + norm);
      postings[termId.get(term)!].push(pid, Math.round(impact * 1000));
    }
  });
  return { format: INDEX_FORMAT, version: INDEX_VERSION, builtAt: builtAt.toISOString(), ranking: RANKING, sources, passages, vocab, postings };
}
