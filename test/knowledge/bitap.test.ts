import fc from 'fast-check';
import Fuse from 'fuse.js';
import { BitapScorer, FUSE_OPTIONS } from '../../knowledge/bitap';

/**
 * The bitap port must give exactly fuse.js's score (or fuse.js's "no match") for every one-word text and
 * pattern the typo look-up can meet. Few letters, so random words share many characters and every error
 * count between exact and hopeless comes up; upper case, umlauts, ß and digits appear in texts too.
 */

const LETTERS = ['a', 'e', 'i', 'n', 'r', 's', 't', 'ä', 'ß', '4'];

function word(minLength: number, maxLength: number, extra: string[] = []) {
  return fc.array(fc.constantFrom(...LETTERS, ...extra), { minLength, maxLength }).map((chars) => chars.join(''));
}

/** fuse.js's own answer: the score of a one-item collection, or -1 when it does not match. */
function fuseScore(pattern: string, text: string): number {
  const [hit] = new Fuse([{ term: text }], FUSE_OPTIONS).search(pattern);
  return hit ? (hit.score ?? Number.NaN) : -1;
}

const scorer = new BitapScorer();
function portScore(pattern: string, text: string): number {
  scorer.load(pattern);
  const score = scorer.score(text);
  // fuse.js's computeScore turns an exact match's 0 into Number.EPSILON; the port leaves that to its caller.
  return score < 0 ? -1 : score || Number.EPSILON;
}

/** A pattern made from part of the text with a few random edits: close matches, where ranking is decided. */
const nearPair = word(1, 24, ['A', 'E']).chain((text) =>
  fc.tuple(fc.nat(text.length), fc.nat(text.length), word(0, 3), fc.nat(40)).map(([from, to, noise, at]) => {
    const part = text.toLowerCase().slice(Math.min(from, to), Math.max(from, to) + 1);
    const cut = at % (part.length + 1);
    return { text, pattern: `${part.slice(0, cut)}${noise}${part.slice(cut + (at % 2))}` };
  }),
);

const randomPair = fc.record({ text: word(0, 40, ['A', 'E']), pattern: word(1, 32) });

/** Long compounds: fuse.js cuts patterns over 32 characters into chunks, each searched from its own start. */
const longPair = word(30, 80, ['A', 'E']).chain((text) =>
  fc.tuple(fc.nat(text.length), word(0, 4), fc.nat(80), word(33, 70)).map(([from, noise, at, random]) => {
    const part = text.toLowerCase().slice(Math.min(from, 10));
    const cut = at % (part.length + 1);
    const near = `${part.slice(0, cut)}${noise}${part.slice(cut + (at % 2))}`;
    return { text, pattern: near.length > 32 && at % 3 ? near : random };
  }),
);

describe('bitap port against fuse.js', () => {
  it.each([
    ['near spellings', nearPair],
    ['random words', randomPair],
    ['long compounds', longPair],
  ])('scores %s exactly like fuse.js', (_name, pairs) => {
    fc.assert(
      fc.property(pairs, ({ text, pattern }) => {
        fc.pre(BitapScorer.handles(pattern));
        expect(portScore(pattern, text)).toBe(fuseScore(pattern, text));
      }),
      { numRuns: 1000 },
    );
  });

  it('agrees on hand-picked edge cases (exact, too short, 32 letters, repeats)', () => {
    const cases: Array<[string, string]> = [
      ['bedenkfrist', 'bedenkfrist'],
      ['bedenkfirst', 'bedenkfrist'],
      ['ab', 'ab'],
      ['abc', 'xabcx'],
      ['a'.repeat(32), 'a'.repeat(31)],
      ['abababab', 'babababa'],
      ['menschenhandl', 'menschenhandel'],
      ['traumambulanz', 'traumaambulanz'],
      ['xyzzy', 'menschenhandel'],
    ];
    for (const [pattern, text] of cases)
      expect([pattern, text, portScore(pattern, text)]).toEqual([pattern, text, fuseScore(pattern, text)]);
  });

  it('agrees on long compounds (chunks of 32, the last one overlapping)', () => {
    const cases: Array<[string, string]> = [
      ['bundeskooperationskonzeptbewegungsfreiheit', 'bundeskooperationskonzept'],
      ['bundeskooperationskonzeptbewegungsfreiheit', 'bewegungsfreiheit'],
      ['bundesfamilienministeriummitgliedstaaten', 'bundesfamilienministerium'],
      ['bundesfamilienministeriummitgliedstaaten', 'mitgliedstaaten'],
      ['a'.repeat(64), 'a'.repeat(63)],
      ['ab'.repeat(40), 'ba'.repeat(40)],
      ['opferentschaedigungsgesetzesnovelle', 'opferentschaedigungsgesetz'],
    ];
    for (const [pattern, text] of cases)
      expect([pattern, text, portScore(pattern, text)]).toEqual([pattern, text, fuseScore(pattern, text)]);
  });

  it('cut short by a bound, still scores every text below the bound exactly', () => {
    // Bounds just above the exact score (where a cut one level too early would lose it), at it, and anywhere.
    const bounded = fc.record({
      pair: fc.oneof(nearPair, randomPair, longPair),
      offset: fc.oneof(fc.double({ min: 1e-7, max: 0.05, noNaN: true }), fc.constant(0), fc.double({ min: -1, max: 1, noNaN: true })),
    });
    fc.assert(
      fc.property(bounded, ({ pair: { text, pattern }, offset }) => {
        fc.pre(BitapScorer.handles(pattern));
        const exact = fuseScore(pattern, text);
        const below = Math.max(0, (exact < 0 ? 0.2 : exact) + offset);
        scorer.load(pattern);
        const raw = scorer.score(text, below);
        const cut = raw < 0 ? -1 : raw || Number.EPSILON;
        if (exact >= 0 && exact < below) expect(cut).toBe(exact);
        else expect([exact, -1]).toContain(cut);
      }),
      { numRuns: 2000 },
    );
  });

  it('picks the same best texts as a fuse.js collection of them (score, then order)', () => {
    const lists = fc.record({
      pattern: fc.oneof(word(1, 14), word(33, 40)),
      texts: fc.array(fc.oneof(word(0, 16, ['A']), word(30, 44)), { maxLength: 40 }),
      limit: fc.integer({ min: 1, max: 5 }),
    });
    fc.assert(
      fc.property(lists, ({ pattern, texts, limit }) => {
        fc.pre(BitapScorer.handles(pattern));
        // Near spellings of the pattern among the texts, so the bound tightens and cuts the later ones.
        const all = [...texts, pattern.slice(1), `${pattern}e`, pattern.replace(/.$/, 'x')];
        const expected = new Fuse(
          all.map((term) => ({ term })),
          FUSE_OPTIONS,
        )
          .search(pattern, { limit })
          .map((r) => ({ index: r.refIndex, score: r.score }));
        scorer.load(pattern);
        expect(scorer.best(all, limit)).toEqual(expected);
      }),
      { numRuns: 1000 },
    );
  });

  it('leaves blank patterns to fuse.js', () => {
    expect(BitapScorer.handles('   ')).toBe(false);
    expect(BitapScorer.handles('a'.repeat(33))).toBe(true);
  });
});
