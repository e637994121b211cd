/**
 * A re-implementation of the score fuse.js gives one text for one pattern, on reused typed arrays: the
 * typo look-up scores its 40 trigram candidates per query word in microseconds instead of building a Fuse
 * collection per word.
 */

/** The fuse.js options `similar` scores candidates with (its meaning of a typo-tolerant match). */
export const FUSE_OPTIONS = { keys: ['term'], includeScore: true, threshold: 0.34, ignoreLocation: true, minMatchCharLength: 3 };

/**
 * fuse.js's score of one text for one pattern, under FUSE_OPTIONS, for patterns of 1–32 characters:
 * bitap approximate matching, score = errors / pattern length (at most the threshold), and a match only
 * counts when at least minMatchCharLength consecutive characters of the text are matched. This is the
 * computation fuse.js's BitapSearch.searchIn does, done on reused typed arrays instead of fresh arrays and
 * objects per candidate (the trigram candidates of one typo are scored in a few microseconds each).
 * Longer or blank patterns go to fuse.js itself.
 *
 * Mirrors fuse.js 7.5.0 exactly (package.json pins that version): `search()` in src/search/bitap/search.js
 * (with computeScore's 0 → Number.EPSILON left to the caller). For one-word texts fuse.js's field norm is 1,
 * so its final score is this one. test/knowledge/bitap.test.ts compares the two on random words; upgrading
 * fuse.js means re-running it and adapting this port to the new version's search.js.
 */
export class BitapScorer {
  /** Bit mask of the pattern positions of each character (UTF-16 code unit). */
  private readonly alphabet = new Int32Array(65536);
  private pattern = '';
  private last = new Int32Array(128);
  private current = new Int32Array(128);
  private matched = new Uint8Array(128);

  static handles(pattern: string): boolean {
    return pattern.length >= 1 && pattern.length <= 32 && pattern.trim().length > 0;
  }

  /** Sets the (lower-cased) pattern. */
  load(pattern: string): void {
    for (let i = 0; i < this.pattern.length; i++) this.alphabet[this.pattern.charCodeAt(i)] = 0;
    this.pattern = pattern;
    const m = pattern.length;
    for (let i = 0; i < m; i++) this.alphabet[pattern.charCodeAt(i)] |= 1 << (m - i - 1);
  }

  /** The score fuse.js would report, or -1 where fuse.js reports no match. */
  score(candidate: string): number {
    const pattern = this.pattern;
    const text = candidate.toLowerCase();
    const m = pattern.length;
    const n = text.length;
    if (pattern === text) return n < FUSE_OPTIONS.minMatchCharLength ? -1 : 0;
    const size = n + m + 2;
    if (this.last.length < size) {
      this.last = new Int32Array(size * 2);
      this.current = new Int32Array(size * 2);
      this.matched = new Uint8Array(size * 2);
    }
    const alphabet = this.alphabet;
    const matched = this.matched;
    for (let k = 0; k < n; k++) matched[k] = 0;
    let threshold = FUSE_OPTIONS.threshold;
    // Exact occurrences: error-free, and their characters count as matched.
    for (let at = text.indexOf(pattern, 0); at > -1; at = text.indexOf(pattern, at + m)) {
      threshold = Math.min(0, threshold);
      matched.fill(1, at, at + m);
    }
    let bestLocation = -1;
    let bestErrors = 0;
    let finalScore = 1;
    const highBit = 1 << (m - 1);
    const finish = n + m;
    // Row j of an error level is written for every j in 1..finish before the next level reads it (the loop
    // stops early only at j = 1), and row 0 is never written, so the rows need no clearing between uses.
    let last = this.last;
    let current = this.current;
    for (let errors = 0; errors < m; errors++) {
      current[finish + 1] = (1 << errors) - 1;
      for (let j = finish; j >= 1; j--) {
        const location = j - 1;
        const charMatch = location < n ? alphabet[text.charCodeAt(location)] : 0;
        let bits = ((current[j + 1] << 1) | 1) & charMatch;
        if (errors) bits |= ((last[j + 1] | last[j]) << 1) | 1 | last[j + 1];
        current[j] = bits;
        if (bits & highBit) {
          finalScore = errors / m;
          if (finalScore <= threshold) {
            threshold = finalScore;
            bestLocation = location;
            bestErrors = errors;
            if (bestLocation <= 0) break;
          }
        }
      }
      if ((errors + 1) / m > threshold) break;
      const swap = last;
      last = current;
      current = swap;
    }
    if (bestLocation < 0) return -1;
    const matchEnd = Math.min(n - 1, bestLocation + m - 1 + bestErrors);
    for (let k = bestLocation; k <= matchEnd; k++) if (alphabet[text.charCodeAt(k)]) matched[k] = 1;
    let run = 0;
    for (let k = 0; k < n; k++) {
      run = matched[k] ? run + 1 : 0;
      if (run >= FUSE_OPTIONS.minMatchCharLength) return Math.max(0.001, finalScore);
    }
    return -1;
  }
}
