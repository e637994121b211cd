/**
 * A re-implementation of the score fuse.js gives one text for one pattern, on reused typed arrays: the
 * typo look-up scores its 40 trigram candidates per query word in microseconds instead of building a Fuse
 * collection per word.
 */

/** The fuse.js options `similar` scores candidates with (its meaning of a typo-tolerant match). */
export const FUSE_OPTIONS = { keys: ['term'], includeScore: true, threshold: 0.34, ignoreLocation: true, minMatchCharLength: 3 };

/** fuse.js's longest bitap pattern; longer patterns are searched in chunks of this many characters. */
const MAX_BITS = 32;

/**
 * fuse.js's score of one text for one pattern, under FUSE_OPTIONS: bitap approximate matching, score =
 * errors / pattern length (at most the threshold), and a match only counts when at least
 * minMatchCharLength consecutive characters of the text are matched. Patterns longer than 32 characters
 * are cut into chunks as fuse.js cuts them (every 32 characters, the last chunk the pattern's last 32),
 * each searched from its own start, and the text matches when any chunk does, scored by the chunks'
 * mean. This is the computation fuse.js's BitapSearch.searchIn does, done on reused typed arrays instead
 * of fresh arrays and objects per candidate (the trigram candidates of one typo are scored in a few
 * microseconds each, long compounds included).
 *
 * Mirrors fuse.js 7.5.0 exactly (package.json pins that version): `search()` in src/search/bitap/search.js
 * and BitapSearch's chunks (with computeScore's 0 → Number.EPSILON left to the caller). For one-word texts
 * fuse.js's field norm is 1, so its final score is this one. test/knowledge/bitap.test.ts compares the two
 * on random words; upgrading fuse.js means re-running it and adapting this port to the new version's search.js.
 */
export class BitapScorer {
  /** Per chunk, the bit mask of the chunk positions of each character (UTF-16 code unit). */
  private readonly alphabets: Int32Array[] = [];
  private chunks: Array<{ pattern: string; start: number }> = [];
  private pattern = '';
  private last = new Int32Array(128);
  private current = new Int32Array(128);
  private matched = new Uint8Array(128);
  private charMatch = new Int32Array(128);
  /** Whether the last chunk searched matched (its score is returned either way: fuse.js averages both). */
  private chunkMatched = false;
  /** Whether the last chunk searched stopped at its error limit before finding a match. */
  private cutOff = false;

  static handles(pattern: string): boolean {
    return pattern.length >= 1 && pattern.trim().length > 0;
  }

  /** Sets the (lower-cased) pattern. */
  load(pattern: string): void {
    this.chunks.forEach((chunk, c) => {
      for (let i = 0; i < chunk.pattern.length; i++) this.alphabets[c][chunk.pattern.charCodeAt(i)] = 0;
    });
    this.pattern = pattern;
    const len = pattern.length;
    this.chunks = [];
    if (len <= MAX_BITS) this.chunks.push({ pattern, start: 0 });
    else {
      const remainder = len % MAX_BITS;
      for (let i = 0; i < len - remainder; i += MAX_BITS) this.chunks.push({ pattern: pattern.substr(i, MAX_BITS), start: i });
      if (remainder) this.chunks.push({ pattern: pattern.substr(len - MAX_BITS), start: len - MAX_BITS });
    }
    this.chunks.forEach((chunk, c) => {
      const alphabet = (this.alphabets[c] ??= new Int32Array(65536));
      const m = chunk.pattern.length;
      for (let i = 0; i < m; i++) alphabet[chunk.pattern.charCodeAt(i)] |= 1 << (m - i - 1);
    });
  }

  /**
   * The score fuse.js would report, or -1 where fuse.js reports no match. With `below`, a text whose score
   * cannot be below it may stop early and get -1 too: every score below `below` is still exact (error
   * levels are searched in increasing order, so a search cut at a level finds every match under it).
   */
  score(candidate: string, below = Infinity): number {
    const text = candidate.toLowerCase();
    if (this.pattern === text) return text.length < FUSE_OPTIONS.minMatchCharLength ? -1 : 0;
    const chunks = this.chunks.length;
    let total = 0;
    let any = false;
    for (let c = 0; c < chunks; c++) {
      // The fewest errors in this chunk that keep the mean at or above `below`, whatever the later chunks
      // score (each at least 0.001); a small margin keeps rounding from cutting a text that could still be below.
      const m = this.chunks[c].pattern.length;
      const rest = 0.001 * (chunks - c - 1);
      let maxErrors = below === Infinity ? m : 0;
      while (maxErrors < m && (total + Math.max(0.001, maxErrors / m) + rest) / chunks < below + 1e-9) maxErrors++;
      total += this.chunkScore(text, c, maxErrors);
      if (this.cutOff) return -1;
      any ||= this.chunkMatched;
    }
    return any ? total / chunks : -1;
  }

  /**
   * The `limit` best texts for the loaded pattern as fuse.js ranks them (score, then text order; an exact
   * match's 0 becomes Number.EPSILON as in fuse.js), without the ones fuse.js does not match. Once `limit`
   * texts are found, a later one must score below the last of them, so its search stops at that many errors.
   */
  best(texts: readonly string[], limit: number): Array<{ index: number; score: number }> {
    const top: Array<{ index: number; score: number }> = [];
    for (let index = 0; index < texts.length; index++) {
      const bound = top.length < limit ? Infinity : top[limit - 1].score;
      const raw = this.score(texts[index], bound);
      if (raw < 0) continue;
      const score = raw || Number.EPSILON;
      if (!(score < bound)) continue;
      if (top.length === limit) top.pop();
      let j = top.length;
      top.push({ index, score });
      while (j > 0 && top[j - 1].score > score) {
        top[j] = top[j - 1];
        j--;
      }
      top[j] = { index, score };
    }
    return top;
  }

  /** fuse.js's search() of one chunk in the text: its score, and in chunkMatched whether it matched. */
  private chunkScore(text: string, c: number, maxErrors: number): number {
    const { pattern, start } = this.chunks[c];
    const m = pattern.length;
    const n = text.length;
    const expected = Math.min(start, n);
    const size = n + m + 2;
    if (this.last.length < size) {
      this.last = new Int32Array(size * 2);
      this.current = new Int32Array(size * 2);
      this.matched = new Uint8Array(size * 2);
      this.charMatch = new Int32Array(size * 2);
    }
    const alphabet = this.alphabets[c];
    // The chunk's bit mask of each text position, looked up once instead of once per error level (0 past the end).
    const charMatch = this.charMatch;
    for (let k = 0; k < n; k++) charMatch[k] = alphabet[text.charCodeAt(k)];
    for (let k = n; k < n + m; k++) charMatch[k] = 0; // rows run up to n + m, reading position n + m - 1
    const matched = this.matched;
    for (let k = 0; k < n; k++) matched[k] = 0;
    let threshold = FUSE_OPTIONS.threshold;
    // Exact occurrences from the chunk's start on: error-free, and their characters count as matched.
    for (let at = text.indexOf(pattern, expected); at > -1; at = text.indexOf(pattern, at + m)) {
      threshold = Math.min(0, threshold);
      matched.fill(1, at, at + m);
    }
    let bestLocation = -1;
    let bestErrors = 0;
    let finalScore = 1;
    const highBit = 1 << (m - 1);
    const finish = n + m;
    // Row j of an error level is written for every j in from..finish before the next level reads it (rows
    // below from are cleared), and row 0 is never written, so the rows need no clearing between uses.
    let last = this.last;
    let current = this.current;
    this.cutOff = false;
    for (let errors = 0; errors < m; errors++) {
      if (errors >= maxErrors) {
        this.cutOff = true;
        break;
      }
      let from = 1;
      current[finish + 1] = (1 << errors) - 1;
      for (let j = finish; j >= from; j--) {
        const location = j - 1;
        let bits = ((current[j + 1] << 1) | 1) & charMatch[location];
        if (errors) bits |= ((last[j + 1] | last[j]) << 1) | 1 | last[j + 1];
        current[j] = bits;
        if (bits & highBit) {
          finalScore = errors / m;
          if (finalScore <= threshold) {
            threshold = finalScore;
            bestLocation = location;
            bestErrors = errors;
            if (bestLocation <= expected) break;
            from = Math.max(1, 2 * expected - bestLocation);
          }
        }
      }
      if ((errors + 1) / m > threshold) break;
      // Rows below a raised start stay unwritten at this level: fuse.js's fresh row reads them as 0.
      for (let j = 1; j < from; j++) current[j] = 0;
      const swap = last;
      last = current;
      current = swap;
    }
    this.chunkMatched = false;
    if (bestLocation >= 0) {
      const matchEnd = Math.min(n - 1, bestLocation + m - 1 + bestErrors);
      for (let k = bestLocation; k <= matchEnd; k++) if (alphabet[text.charCodeAt(k)]) matched[k] = 1;
      let run = 0;
      for (let k = 0; k < n && !this.chunkMatched; k++) {
        run = matched[k] ? run + 1 : 0;
        if (run >= FUSE_OPTIONS.minMatchCharLength) this.chunkMatched = true;
      }
    }
    return Math.max(0.001, finalScore);
  }
}
