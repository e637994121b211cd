// Frozen copy of knowledge/vocabulary.ts as of commit 85e3172 (before the performance work of issue 8).
// Used only by test/knowledge/searchEquivalence.test.ts: the optimised code must rank and score exactly like this.
import Fuse from 'fuse.js';

/** Typo-tolerant and prefix look-ups over the index's vocabulary (short terms: where fuse.js shines). */
export class Vocabulary {
  private readonly ids = new Map<string, number>();
  private trigrams: Map<string, number[]> | null = null;

  constructor(readonly terms: string[]) {
    terms.forEach((t, i) => this.ids.set(t, i));
  }

  id(term: string): number | undefined {
    return this.ids.get(term);
  }

  /** Terms that start with `prefix` (the vocabulary is sorted, so this is a binary search and a scan). */
  withPrefix(prefix: string, limit: number): number[] {
    let lo = 0;
    let hi = this.terms.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.terms[mid] < prefix) lo = mid + 1;
      else hi = mid;
    }
    const out: number[] = [];
    for (let i = lo; i < this.terms.length && out.length < limit && this.terms[i].startsWith(prefix); i++) {
      if (this.terms[i] !== prefix) out.push(i);
    }
    return out;
  }

  private grams(term: string): string[] {
    const padded = ` ${term} `;
    const out: string[] = [];
    for (let i = 0; i + 3 <= padded.length; i++) out.push(padded.slice(i, i + 3));
    return out;
  }

  private trigramIndex(): Map<string, number[]> {
    if (this.trigrams) return this.trigrams;
    const index = new Map<string, number[]>();
    this.terms.forEach((term, id) => {
      if (/^[0-9]/.test(term)) return;
      for (const g of new Set(this.grams(term))) {
        const list = index.get(g);
        if (list) list.push(id);
        else index.set(g, [id]);
      }
    });
    return (this.trigrams = index);
  }

  /** Close spellings of `term`: trigram overlap proposes candidates, fuse.js scores them. */
  similar(term: string, limit = 3, maxCandidates = 40): Array<{ id: number; similarity: number }> {
    const grams = [...new Set(this.grams(term))];
    const index = this.trigramIndex();
    const overlap = new Map<number, number>();
    for (const g of grams) for (const id of index.get(g) ?? []) overlap.set(id, (overlap.get(id) ?? 0) + 1);
    const minShared = Math.max(1, Math.floor(grams.length * 0.3));
    const candidates = [...overlap.entries()]
      .filter(([id, n]) => n >= minShared && Math.abs(this.terms[id].length - term.length) <= 3)
      .sort((a, b) => b[1] - a[1])
      .slice(0, maxCandidates)
      .map(([id]) => ({ id, term: this.terms[id] }));
    if (!candidates.length) return [];
    const fuse = new Fuse(candidates, { keys: ['term'], includeScore: true, threshold: 0.34, ignoreLocation: true, minMatchCharLength: 3 });
    return fuse
      .search(term, { limit })
      .map((r) => ({ id: r.item.id, similarity: 1 - (r.score ?? 1) }))
      .filter((r) => r.similarity > 0.5);
  }
}
