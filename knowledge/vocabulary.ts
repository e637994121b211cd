import Fuse from 'fuse.js';
import { BitapScorer, FUSE_OPTIONS } from './bitap';

/** Trigram symbols: space, a–z, 0–9; any other character shares one extra code (vocabulary terms have none). */
const SYMBOLS = 38;
const GRAM_CODES = SYMBOLS * SYMBOLS * SYMBOLS;

function symbol(charCode: number): number {
  if (charCode === 32) return 0;
  if (charCode >= 97 && charCode <= 122) return charCode - 96; // a–z → 1..26
  if (charCode >= 48 && charCode <= 57) return charCode - 21; // 0–9 → 27..36
  return 37;
}

/** Distinct trigram codes of " term ", in order of first occurrence (the padding marks word start and end). */
function gramCodes(term: string): number[] {
  const padded = ` ${term} `;
  const out: number[] = [];
  for (let i = 0; i + 3 <= padded.length; i++) {
    const code = (symbol(padded.charCodeAt(i)) * SYMBOLS + symbol(padded.charCodeAt(i + 1))) * SYMBOLS + symbol(padded.charCodeAt(i + 2));
    if (!out.includes(code)) out.push(code);
  }
  return out;
}

/**
 * Trigram postings over the vocabulary. Terms are ranked by (length, id), so the terms of a length window
 * form one contiguous range of ranks, and every trigram's list (ascending ranks) is cut to that range by
 * binary search: a look-up only touches terms of about the right length.
 */
interface TrigramIndex {
  /** Term id of each rank. */
  termOfRank: Int32Array;
  /** First rank of each term length (lengthStart[maxLength + 1] = number of terms). */
  lengthStart: Int32Array;
  maxLength: number;
  gramStart: Uint32Array;
  gramRanks: Int32Array;
  /** Scratch, reused by every look-up: shared-trigram count and first shared trigram per rank. */
  count: Uint16Array;
  firstGram: Uint16Array;
  touched: Int32Array;
}

/** Typo-tolerant and prefix look-ups over the index's vocabulary (short terms: where fuse.js shines). */
export class Vocabulary {
  private readonly ids = new Map<string, number>();
  private trigrams: TrigramIndex | null = null;
  private readonly bitap = new BitapScorer();
  /** Terms strictly ascending (as the index writes them): a term's own id is where its completions start. */
  private readonly ascending: boolean;

  constructor(readonly terms: string[]) {
    let ascending = true;
    terms.forEach((t, i) => {
      this.ids.set(t, i);
      if (i && !(terms[i - 1] < t)) ascending = false;
    });
    this.ascending = ascending;
  }

  id(term: string): number | undefined {
    return this.ids.get(term);
  }

  /** Terms that start with `prefix` (the vocabulary is sorted, so this is a binary search and a scan). */
  withPrefix(prefix: string, limit: number): number[] {
    // A prefix that is a term itself is its own lower bound: no search needed.
    const own = this.ascending ? this.ids.get(prefix) : undefined;
    let lo = own ?? 0;
    let hi = own ?? this.terms.length;
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

  /** Built on the first typo look-up; numeric terms are left out (numbers are matched exactly). */
  private trigramIndex(): TrigramIndex {
    if (this.trigrams) return this.trigrams;
    const terms = this.terms;
    let maxLength = 0;
    for (const t of terms) if (t.length > maxLength) maxLength = t.length;
    const lengthStart = new Int32Array(maxLength + 2);
    for (const t of terms) lengthStart[t.length + 1]++;
    for (let l = 1; l < lengthStart.length; l++) lengthStart[l] += lengthStart[l - 1];
    const next = lengthStart.slice();
    const termOfRank = new Int32Array(terms.length);
    for (let id = 0; id < terms.length; id++) termOfRank[next[terms[id].length]++] = id;

    // Two passes over the terms (count, then fill) into one flat array; `stamp` drops a trigram's repeats in a term.
    const gramStart = new Uint32Array(GRAM_CODES + 1);
    const stamp = new Int32Array(GRAM_CODES).fill(-1);
    const eachGram = (visit: (code: number, r: number) => void) => {
      for (let r = 0; r < terms.length; r++) {
        const term = terms[termOfRank[r]];
        const first = term.charCodeAt(0);
        if (first >= 48 && first <= 57) continue; // numeric terms are matched exactly, never by spelling
        let a = 0; // the padding space
        let b = symbol(first);
        for (let i = 1; i <= term.length; i++) {
          const c = i < term.length ? symbol(term.charCodeAt(i)) : 0;
          const code = (a * SYMBOLS + b) * SYMBOLS + c;
          if (stamp[code] !== r) {
            stamp[code] = r;
            visit(code, r);
          }
          a = b;
          b = c;
        }
      }
    };
    eachGram((code) => gramStart[code + 1]++);
    for (let c = 1; c <= GRAM_CODES; c++) gramStart[c] += gramStart[c - 1];
    const fill = gramStart.slice(0, GRAM_CODES);
    const gramRanks = new Int32Array(gramStart[GRAM_CODES]);
    stamp.fill(-1);
    eachGram((code, r) => (gramRanks[fill[code]++] = r));
    return (this.trigrams = {
      termOfRank,
      lengthStart,
      maxLength,
      gramStart,
      gramRanks,
      count: new Uint16Array(terms.length),
      firstGram: new Uint16Array(terms.length),
      touched: new Int32Array(terms.length),
    });
  }

  /**
   * Close spellings of `term`: trigram overlap proposes candidates (at least 30 % of the term's trigrams
   * shared, length within ±3; the 40 with most shared trigrams, ties in order of first shared trigram and
   * then vocabulary order), fuse.js scores them.
   */
  similar(term: string, limit = 3, maxCandidates = 40): Array<{ id: number; similarity: number }> {
    const index = this.trigramIndex();
    const { termOfRank, lengthStart, gramStart, gramRanks, count, firstGram, touched } = index;
    const grams = gramCodes(term);
    const lo = lengthStart[Math.min(index.maxLength + 1, Math.max(0, term.length - 3))];
    const hi = lengthStart[Math.min(index.maxLength + 1, term.length + 4)];
    let size = 0;
    if (lo < hi) {
      grams.forEach((code, g) => {
        let a = gramStart[code];
        let b = gramStart[code + 1];
        // Cut the trigram's ranks to the length window [lo, hi).
        let x = a;
        let y = b;
        while (x < y) {
          const mid = (x + y) >>> 1;
          if (gramRanks[mid] < lo) x = mid + 1;
          else y = mid;
        }
        a = x;
        y = b;
        while (x < y) {
          const mid = (x + y) >>> 1;
          if (gramRanks[mid] < hi) x = mid + 1;
          else y = mid;
        }
        b = x;
        for (let k = a; k < b; k++) {
          const r = gramRanks[k];
          if (count[r] === 0) {
            firstGram[r] = g;
            touched[size++] = r;
          }
          count[r]++;
        }
      });
    }
    const minShared = Math.max(1, Math.floor(grams.length * 0.3));
    let ids: number[];
    if (grams.length < 255) {
      // Only the best `maxCandidates` are needed: a histogram of shared-trigram counts gives the lowest
      // count that can still make it, and only terms at or above it are sorted — by one packed number
      // (more shared trigrams, then earlier first shared trigram, then vocabulary order).
      const histogram = new Uint32Array(grams.length + 1);
      for (let i = 0; i < size; i++) if (count[touched[i]] >= minShared) histogram[count[touched[i]]]++;
      let cutoff = minShared;
      for (let c = grams.length, need = maxCandidates; c >= minShared; c--) {
        if (histogram[c] >= need) {
          cutoff = c;
          break;
        }
        need -= histogram[c];
      }
      const keys: number[] = [];
      for (let i = 0; i < size; i++) {
        const r = touched[i];
        if (count[r] >= cutoff) keys.push(((255 - count[r]) * 256 + firstGram[r]) * 4294967296 + termOfRank[r]);
        count[r] = 0;
      }
      ids = Array.from(Float64Array.from(keys).sort().subarray(0, Math.max(0, maxCandidates)), (key) => key % 4294967296);
    } else {
      const picked: Array<{ n: number; g: number; id: number }> = [];
      for (let i = 0; i < size; i++) {
        const r = touched[i];
        if (count[r] >= minShared) picked.push({ n: count[r], g: firstGram[r], id: termOfRank[r] });
        count[r] = 0;
      }
      ids = picked
        .sort((a, b) => b.n - a.n || a.g - b.g || a.id - b.id)
        .slice(0, maxCandidates)
        .map((p) => p.id);
    }
    if (!ids.length) return [];
    return this.closest(
      term,
      ids.map((id) => ({ id, term: this.terms[id] })),
      limit,
    );
  }

  /** The `limit` candidates fuse.js ranks best (score, then candidate order), as similarity = 1 − score > 0.5. */
  private closest(term: string, candidates: Array<{ id: number; term: string }>, limit: number): Array<{ id: number; similarity: number }> {
    const pattern = term.toLowerCase();
    let ranked: Array<{ id: number; score: number }>;
    if (BitapScorer.handles(pattern) && Number.isInteger(limit) && limit > 0) {
      this.bitap.load(pattern);
      ranked = this.bitap
        .best(
          candidates.map((c) => c.term),
          limit,
        )
        .map((r) => ({ id: candidates[r.index].id, score: r.score }));
    } else {
      ranked = new Fuse(candidates, FUSE_OPTIONS).search(term, { limit }).map((r) => ({ id: r.item.id, score: r.score ?? 1 }));
    }
    return ranked.map((r) => ({ id: r.id, similarity: 1 - r.score })).filter((r) => r.similarity > 0.5);
  }
}
