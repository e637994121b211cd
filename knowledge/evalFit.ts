import { features, fitLogistic, SIGNAL_NAMES, type Calibration, type ConfidenceSignals } from './calibration';
import { isRelevant, isUnanswerable, type EvalCase } from './evaluate';
import type { KnowledgeSearch } from './search';

interface Sample {
  signals: ConfidenceSignals;
  /** The first hit answers the question. */
  right: boolean;
  answerable: boolean;
}

export function samples(search: KnowledgeSearch, cases: EvalCase[]): Sample[] {
  return cases.map((c) => {
    const result = search.search(c.q, 5);
    const answerable = !isUnanswerable(c);
    const right = answerable && !!result.hits[0] && isRelevant(result.hits[0], c.expect, c.ids);
    return { signals: result.signals, right, answerable };
  });
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/**
 * Bands from fitted probabilities: `confident` is the lowest threshold at which at most `maxConfidentlyWrong`
 * of all cases would be answered confidently and wrongly; `plausible` maximises right + declined below it.
 */
export function chooseBands(scored: Array<{ p: number; right: boolean; answerable: boolean }>, maxConfidentlyWrong = 0.03): { confident: number; plausible: number } {
  const n = scored.length;
  const answerable = scored.filter((s) => s.answerable).length || 1;
  const unanswerable = scored.filter((s) => !s.answerable).length || 1;
  const grid = Array.from({ length: 99 }, (_, i) => (i + 1) / 100);
  const confident = grid.find((t) => scored.filter((s) => s.p >= t && !s.right).length / n <= maxConfidentlyWrong) ?? 1;
  let plausible = confident;
  let best = -1;
  for (const t of grid.filter((g) => g <= confident)) {
    const right = scored.filter((s) => s.p >= t && s.right).length / answerable;
    const declined = scored.filter((s) => !s.answerable && s.p < t).length / unanswerable;
    const value = right + declined;
    if (value >= best) {
      best = value;
      plausible = t;
    }
  }
  return { confident, plausible };
}

/** Fits the confidence model on the given (tuning) cases. */
export function fitCalibration(search: KnowledgeSearch, cases: EvalCase[], fittedOn: string): Calibration {
  const data = samples(search, cases);
  const { bias, weights } = fitLogistic(data.map((d) => features(d.signals)), data.map((d) => d.right));
  const round = (x: number) => Math.round(x * 1000) / 1000;
  const model = { bias: round(bias), weights: Object.fromEntries(SIGNAL_NAMES.map((name, i) => [name, round(weights[i])])) as Calibration['weights'] };
  const scored = data.map((d) => ({ p: sigmoid(SIGNAL_NAMES.reduce((s, name, i) => s + model.weights[name] * features(d.signals)[i], model.bias)), right: d.right, answerable: d.answerable }));
  return { version: 1, ...model, ...chooseBands(scored), fittedOn };
}
