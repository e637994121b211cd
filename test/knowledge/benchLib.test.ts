import { generateCorpus, placeName, realKnowledge } from '../../bench/corpus';
import { fmt, median, percentile, rng, zipf } from '../../bench/lib';
import { addTypo, benchQueries, evalQuestions } from '../../bench/queries';
import { replyText } from '../../bench/turns';
import { SourceMeta } from '../../knowledge/sourceSchema';

describe('benchmark helpers', () => {
  it('draws the same numbers for the same seed, in [0, 1)', () => {
    const a = rng(7);
    const b = rng(7);
    const xs = Array.from({ length: 1000 }, () => a());
    expect(xs).toEqual(Array.from({ length: 1000 }, () => b()));
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it('draws Zipf ranks within range, small ranks far more often than large ones', () => {
    const random = rng(1);
    const ranks = Array.from({ length: 20_000 }, () => zipf(random, 1000, 1.07));
    expect(ranks.every((r) => Number.isInteger(r) && r >= 0 && r < 1000)).toBe(true);
    const low = ranks.filter((r) => r < 10).length;
    const high = ranks.filter((r) => r >= 990).length;
    expect(low).toBeGreaterThan(10 * Math.max(1, high));
  });

  it('computes nearest-rank percentiles and formats figures', () => {
    const samples = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(percentile(samples, 50)).toBe(50);
    expect(percentile(samples, 99)).toBe(99);
    expect(percentile(samples, 100)).toBe(100);
    expect(median([3, 1, 2])).toBe(2);
    expect(percentile([], 50)).toBeNaN();
    expect(fmt(3)).toBe('3');
    expect(fmt(0.123456)).toBe('0.1235');
    expect(fmt(1234.56)).toBe('1234.6');
  });
});

describe('synthetic corpus', () => {
  it('has exactly the requested passages, the real ones first, unique ids and valid source metadata', () => {
    const real = realKnowledge();
    const corpus = generateCorpus(1200, 3);
    expect(corpus.passages).toHaveLength(1200);
    expect(corpus.passages.slice(0, real.passages.length)).toEqual(real.passages);
    expect(new Set(corpus.passages.map((p) => p.id)).size).toBe(1200);
    const sourceIds = new Set(corpus.sources.map((s) => s.id));
    expect(corpus.passages.every((p) => sourceIds.has(p.sourceId) && p.text.length > 0)).toBe(true);
    expect(corpus.passages.slice(real.passages.length).every((p) => p.text.length <= 901)).toBe(true);
    for (const { kind: _kind, ...meta } of corpus.sources) expect(SourceMeta.safeParse(meta).success).toBe(true);
  });

  it('is deterministic for a seed, and different for another', () => {
    expect(generateCorpus(300, 9)).toEqual(generateCorpus(300, 9));
    expect(generateCorpus(300, 9).passages[200].text).not.toBe(generateCorpus(300, 10).passages[200].text);
    expect(placeName(0)).toBe(placeName(0));
    expect(placeName(1)).toMatch(/^[A-ZÄÖÜ][a-zäöüß]+$/);
  });
});

describe('benchmark questions', () => {
  it('mixes the real eval questions with template questions, about 30 % with a typo', () => {
    const real = realKnowledge();
    const clean = benchQueries(real, 400, 5, 0);
    const typed = benchQueries(real, 400, 5, 0.3);
    expect(clean).toHaveLength(400);
    const evalSet = new Set(evalQuestions());
    const fromEval = clean.filter((q) => evalSet.has(q)).length;
    expect(fromEval).toBeGreaterThanOrEqual(50);
    expect(fromEval).toBeLessThanOrEqual(110);
    const changed = typed.filter((q, i) => q !== clean[i]).length / typed.length;
    expect(changed).toBeGreaterThan(0.2);
    expect(changed).toBeLessThan(0.4);
  });

  it('puts one slip into one longer word', () => {
    const random = rng(3);
    for (let i = 0; i < 200; i++) {
      const q = 'Wie lange dauert die Bedenkfrist in Nordrhein-Westfalen?';
      const t = addTypo(random, q);
      const changed = t.split(' ').filter((w, k) => w !== q.split(' ')[k]);
      expect(changed.length).toBeLessThanOrEqual(1);
    }
    expect(addTypo(rng(1), 'ab cd')).toBe('ab cd');
  });
});

describe('turn replies', () => {
  it('reads the text a user sees from plain replies and from cards', () => {
    expect(replyText({ text: 'Hallo' })).toContain('Hallo');
    expect(replyText({ attachments: [{ content: { fallbackText: 'Antwort' } }] })).toContain('Antwort');
  });
});

describe('the bench checks its own figures', () => {
  const { REQUIRED_FIGURES, figureProblems } = require('../../bench/required') as typeof import('../../bench/required');
  const complete = () => new Map<string, string>(REQUIRED_FIGURES.map((n) => [n, n.includes('replies') ? '0' : '1.5']));

  it('a complete run with no lost or crossed reply has no problems', () => {
    expect(figureProblems(complete())).toEqual([]);
  });

  it('names a missing figure, a figure that is not a number and a lost or crossed reply', () => {
    const figures = complete();
    figures.delete('search_p99_ms_10k');
    figures.set('turn_rps_c50', 'NaN');
    figures.set('lost_replies', '2');
    figures.set('crossed_replies', '1');
    expect(figureProblems(figures)).toEqual([
      'search_p99_ms_10k: missing',
      'turn_rps_c50: not a number (NaN)',
      'lost_replies: 2 (must be 0)',
      'crossed_replies: 1 (must be 0)',
    ]);
  });
});
