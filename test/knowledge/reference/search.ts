// Frozen copy of knowledge/search.ts as of commit 85e3172 (before the performance work of issue 8).
// Used only by test/knowledge/searchEquivalence.test.ts: the optimised code must rank and score exactly like this.
import type { Passage } from '../../../knowledge/chunk';
import type { IndexedSource, SerializedIndex } from './indexer';
import { guessLanguage, type Lexicon } from '../../../knowledge/lexicon';
import { stem, words } from '../../../knowledge/normalize';
import { Vocabulary } from './vocabulary';

/** Weights of the ways a query word can meet the index, and the confidence bands; one frozen place. */
export const SEARCH_DEFAULTS = Object.freeze({
  limit: 5,
  synonymWeight: 0.8,
  prefixWeight: 0.7,
  fuzzyWeight: 0.75,
  maxPrefixTerms: 25,
  minPrefixLength: 4,
  minFuzzyLength: 4,
  /** At or above: answer plainly. */
  confident: 0.7,
  /** At or above (but below confident): answer and offer alternatives. Below: "not in my sources". */
  plausible: 0.5,
  /** When the runner-up scores this close to the best hit, the answer is not clear-cut: offer alternatives. */
  ambiguousRatio: 0.9,
});

interface Alternative {
  terms: number[];
  weight: number;
}

interface Concept {
  /** The query words this concept stands for (folded), for explanations. */
  words: string[];
  alternatives: Alternative[];
}

export interface SearchHit {
  passage: Passage;
  source: IndexedSource;
  /** 0..1, higher is better; the top hit's score is the answer's confidence. */
  score: number;
}

export interface SearchResult {
  query: string;
  language: 'de' | 'en';
  hits: SearchHit[];
  confidence: number;
  /** Query words the knowledge base does not know at all (no spelling close enough). */
  unknownWords: string[];
}

/** Ranks passages of a loaded index for a natural-language question (pure: no I/O, no SDK). */
export class KnowledgeSearch {
  private readonly vocab: Vocabulary;
  private readonly idf: Float64Array;
  private readonly sources: Map<string, IndexedSource>;
  private readonly maxIdf: number;

  constructor(readonly index: SerializedIndex, private readonly lexicon: Lexicon) {
    this.vocab = new Vocabulary(index.vocab);
    const n = index.passages.length;
    this.idf = Float64Array.from(index.postings, (p) => {
      const df = p.length / 2;
      return Math.log(1 + (n - df + 0.5) / (df + 0.5));
    });
    this.maxIdf = Math.log(1 + (n + 0.5) / 0.5);
    this.sources = new Map(index.sources.map((s) => [s.id, s]));
  }

  get passageCount(): number {
    return this.index.passages.length;
  }

  passage(id: string): SearchHit | undefined {
    const passage = this.index.passages.find((p) => p.id === id);
    return passage && { passage, source: this.sources.get(passage.sourceId)!, score: 1 };
  }

  source(id: string): IndexedSource | undefined {
    return this.sources.get(id);
  }

  private expand(term: string, weight: number, fuzzy: boolean): Alternative[] {
    const out: Alternative[] = [];
    const id = this.vocab.id(term);
    if (id !== undefined) out.push({ terms: [id], weight });
    if (term.length >= SEARCH_DEFAULTS.minPrefixLength && !/^[0-9]/.test(term)) {
      for (const p of this.vocab.withPrefix(term, SEARCH_DEFAULTS.maxPrefixTerms)) {
        out.push({ terms: [p], weight: weight * SEARCH_DEFAULTS.prefixWeight });
      }
    }
    if (fuzzy && id === undefined && term.length >= SEARCH_DEFAULTS.minFuzzyLength && !/[0-9]/.test(term)) {
      for (const s of this.vocab.similar(term)) {
        out.push({ terms: [s.id], weight: weight * SEARCH_DEFAULTS.fuzzyWeight * s.similarity });
      }
    }
    return out;
  }

  /** Turns the question into concepts: synonym phrases first (longest match), then single content words. */
  private concepts(query: string): Concept[] {
    const tokens = words(query);
    const stems = tokens.map(stem);
    const concepts: Concept[] = [];
    for (let i = 0; i < stems.length; ) {
      let best: { length: number; group: number; phrase: number } | null = null;
      this.lexicon.synonyms.forEach((group, g) =>
        group.phrases.forEach((phrase, p) => {
          if (phrase.length > (best?.length ?? 0) && phrase.every((t, k) => stems[i + k] === t)) best = { length: phrase.length, group: g, phrase: p };
        }),
      );
      const match = best as { length: number; group: number; phrase: number } | null;
      const single = !match || match.length === 1;
      if (single && this.lexicon.stopwords.has(tokens[i])) {
        i++;
        continue;
      }
      if (match) {
        const alternatives = this.lexicon.synonyms[match.group].phrases.flatMap((phrase, p) => {
          const w = p === match.phrase ? 1 : SEARCH_DEFAULTS.synonymWeight;
          if (phrase.length === 1) return this.expand(phrase[0], w, p === match.phrase);
          const ids = phrase.filter((t) => !this.lexicon.stopwords.has(t)).map((t) => this.vocab.id(t));
          return ids.every((x) => x !== undefined) ? [{ terms: ids as number[], weight: w }] : [];
        });
        concepts.push({ words: tokens.slice(i, i + match.length), alternatives });
        i += match.length;
      } else {
        concepts.push({ words: [tokens[i]], alternatives: this.expand(stems[i], 1, true) });
        i++;
      }
    }
    return concepts;
  }

  search(query: string, limit: number = SEARCH_DEFAULTS.limit): SearchResult {
    const language = guessLanguage(query, this.lexicon);
    const concepts = this.concepts(query);
    const unknownWords = concepts.filter((c) => !c.alternatives.length).flatMap((c) => c.words);
    const totals = new Map<number, number>();
    const covered = new Map<number, number>();
    let conceptMass = 0;

    for (const concept of concepts) {
      const best = new Map<number, { score: number; coverage: number }>();
      let conceptIdf = 0;
      for (const alt of concept.alternatives) {
        const share = alt.weight / alt.terms.length;
        const altIdf = alt.terms.reduce((sum, t) => sum + this.idf[t], 0) || 1;
        // A phrase alternative covers the concept only in proportion to the phrase words a passage has.
        const scored = new Map<number, { score: number; coverage: number }>();
        for (const t of alt.terms) {
          if (alt.weight === 1) conceptIdf = Math.max(conceptIdf, this.idf[t]);
          const list = this.index.postings[t];
          const idf = this.idf[t];
          for (let k = 0; k < list.length; k += 2) {
            const entry = scored.get(list[k]) ?? { score: 0, coverage: 0 };
            entry.score += (share * idf * list[k + 1]) / 1000;
            entry.coverage += (alt.weight * idf) / altIdf;
            scored.set(list[k], entry);
          }
        }
        for (const [pid, entry] of scored) {
          const prev = best.get(pid);
          if (!prev || entry.score > prev.score) best.set(pid, entry);
        }
      }
      // A word known only through a synonym or a spelling variant weighs what its best variant weighs.
      if (!conceptIdf) conceptIdf = concept.alternatives.length ? Math.max(...concept.alternatives.flatMap((a) => a.terms.map((t) => this.idf[t]))) : this.maxIdf;
      conceptMass += conceptIdf;
      for (const [pid, { score, coverage }] of best) {
        totals.set(pid, (totals.get(pid) ?? 0) + score);
        covered.set(pid, (covered.get(pid) ?? 0) + conceptIdf * coverage);
      }
    }

    const ranked = [...totals.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, limit);
    const top = ranked[0]?.[1] ?? 0;
    const ambiguous = ranked.length > 1 && ranked[1][1] / top >= SEARCH_DEFAULTS.ambiguousRatio;
    let previous = ambiguous ? SEARCH_DEFAULTS.confident - 0.01 : 1;
    const hits: SearchHit[] = ranked.map(([pid, total]) => {
      const coverage = conceptMass ? (covered.get(pid) ?? 0) / conceptMass : 0;
      const score = Math.min(previous, coverage * Math.sqrt(total / top));
      previous = score;
      const passage = this.index.passages[pid];
      return { passage, source: this.sources.get(passage.sourceId)!, score: Math.round(score * 1000) / 1000 };
    });
    return { query, language, hits, confidence: hits[0]?.score ?? 0, unknownWords };
  }
}
