import { calibratedConfidence, fitLogistic, type ConfidenceSignals } from '../../knowledge/calibration';
import { decideAnswer } from '../../knowledge/confidence';
import { chooseBands } from '../../scripts/eval/evalFit';
import { loadLexicon } from '../../knowledge/lexicon';
import { realSearch } from '../helpers/knowledge';

const signals = (over: Partial<ConfidenceSignals> = {}): ConfidenceSignals => ({
  top: 0.5,
  coverage: 0.5,
  margin: 0.3,
  matched: 0.5,
  unlike: 0,
  unknown: 0,
  unknownEnglish: 0,
  concepts: 4,
  english: 0,
  phrasing: 0,
  ...over,
});

describe('calibrated confidence', () => {
  it('fits a logistic model that separates the classes it was given', () => {
    const xs = [[0.1], [0.2], [0.3], [0.7], [0.8], [0.9]];
    const { bias, weights } = fitLogistic(xs, [false, false, false, true, true, true]);
    const p = (x: number) => 1 / (1 + Math.exp(-(bias + weights[0] * x)));
    expect(p(0.9)).toBeGreaterThan(0.7);
    expect(p(0.1)).toBeLessThan(0.3);
  });

  it('the shipped model (confidence.yaml) is valid, rises with the share of the question matched and with the lead', () => {
    const model = loadLexicon().calibration;
    expect(model).toBeDefined();
    expect(calibratedConfidence(signals({ matched: 1 }), model)).toBeGreaterThan(calibratedConfidence(signals({ matched: 0.2 }), model));
    expect(calibratedConfidence(signals({ margin: 0.8 }), model)).toBeGreaterThan(calibratedConfidence(signals({ margin: 0.05 }), model));
    // A question mostly about words the sources never use is a question outside their field.
    expect(calibratedConfidence(signals({ unknown: 0.6 }), model)).toBeLessThan(calibratedConfidence(signals({ unknown: 0 }), model));
    expect(model!.plausible).toBeLessThanOrEqual(model!.confident);
  });

  it('chooses a confident band that keeps confidently wrong answers rare', () => {
    const scored = [
      ...Array.from({ length: 20 }, (_, i) => ({ p: 0.8 + i / 100, right: true, answerable: true })),
      ...Array.from({ length: 5 }, (_, i) => ({ p: 0.6 + i / 100, right: false, answerable: true })),
      ...Array.from({ length: 5 }, (_, i) => ({ p: 0.1 + i / 100, right: false, answerable: false })),
    ];
    const bands = chooseBands(scored, 0.03);
    expect(bands.confident).toBeGreaterThan(0.64);
    expect(bands.confident).toBeLessThanOrEqual(0.8);
    expect(bands.plausible).toBeGreaterThan(0.14);
  });

  it('declines the unanswerable questions of every group, not just on average', () => {
    const answered = Array.from({ length: 20 }, (_, i) => ({ p: 0.5 + i / 50, right: true, answerable: true }));
    const far = Array.from({ length: 20 }, () => ({ p: 0.05, right: false, answerable: false, group: 'offtopic' }));
    const near = Array.from({ length: 4 }, (_, i) => ({ p: 0.3 + i / 20, right: false, answerable: false, group: 'near' }));
    // Pooled, the far-off questions make up for two near ones let through; per group, the near ones are declined too.
    expect(chooseBands([...answered, ...far, ...near], 0).plausible).toBeGreaterThan(0.4);
    expect(chooseBands([...answered, ...far, ...near.map((n) => ({ ...n, group: 'offtopic' }))], 0).plausible).toBeLessThan(0.4);
  });

  it('the decision uses the calibrated bands of the result', () => {
    const result = realSearch().search('Servicestelle gegen Arbeitsausbeutung');
    expect(decideAnswer(result)).toBe('confident');
    expect(decideAnswer({ ...result, confidence: result.bands.plausible - 0.01 })).toBe('none');
    expect(decideAnswer({ ...result, confidence: result.bands.plausible })).toBe('uncertain');
  });
});
