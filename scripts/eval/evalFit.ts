import { features, fitLogistic, SIGNAL_NAMES, type Calibration, type ConfidenceSignals } from '../../knowledge/calibration';
import { isRelevant, isUnanswerable, type EvalCase } from '../../knowledge/evaluate';
import type { KnowledgeSearch } from '../../knowledge/search';

interface Sample {
  signals: ConfidenceSignals;
  /** The first hit answers the question. */
  right: boolean;
  answerable: boolean;
  /** The question file: each file's unanswerable questions must be declined on their own. */
  group?: string;
  /** Declined whatever the model says (a topic the sources do not cover). */
  uncovered: boolean;
}

export function samples(search: KnowledgeSearch, cases: Array<EvalCase & { group?: string }>): Sample[] {
  return cases.map((c) => {
    const result = search.search(c.q, 5);
    const answerable = !isUnanswerable(c);
    const right = answerable && !!result.hits[0] && isRelevant(result.hits[0], c.expect, c.ids);
    return { signals: result.signals, right, answerable, group: c.group, uncovered: result.uncovered };
  });
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/**
 * Bands from fitted probabilities: `confident` is the lowest threshold at which at most `maxConfidentlyWrong`
 * of all cases would be answered confidently and wrongly; `plausible` the lowest threshold (most right
 * answers shown) that still declines at least `minDeclined` of the unanswerable questions of every group
 * (questions far outside the field are easy to decline and must not make up for those near it). An
 * uncertain answer always comes with alternatives, so showing one more is cheaper than withholding a right one.
 * `maxConfidentlyWrong` is a fifth of the goal (0.05): on questions the fit never saw, the share of confidently
 * wrong answers came out about three times the tuned one (0.018 tuned, 0.052 untouched), and a confident
 * answer shows no alternatives, so a wrong one there costs the most. Fewer confident answers cost no right ones.
 */
export function chooseBands(
  scored: Array<{ p: number; right: boolean; answerable: boolean; group?: string }>,
  maxConfidentlyWrong = 0.01,
  minDeclined = 0.9,
): { confident: number; plausible: number } {
  const n = scored.length;
  const groups = new Map<string | undefined, number[]>();
  for (const s of scored) if (!s.answerable) groups.set(s.group, [...(groups.get(s.group) ?? []), s.p]);
  const grid = Array.from({ length: 99 }, (_, i) => (i + 1) / 100);
  const confident = grid.find((t) => scored.filter((s) => s.p >= t && !s.right).length / n <= maxConfidentlyWrong) ?? 1;
  const declines = (t: number) => [...groups.values()].every((ps) => ps.filter((p) => p < t).length / ps.length >= minDeclined);
  const plausible = grid.find((t) => t <= confident && declines(t)) ?? confident;
  return { confident, plausible };
}

/** Fits the confidence model on the given (tuning) cases. */
export function fitCalibration(search: KnowledgeSearch, cases: Array<EvalCase & { group?: string }>, fittedOn: string): Calibration {
  const data = samples(search, cases);
  const { bias, weights } = fitLogistic(
    data.map((d) => features(d.signals)),
    data.map((d) => d.right),
  );
  const round = (x: number) => Math.round(x * 1000) / 1000;
  const model = {
    bias: round(bias),
    weights: Object.fromEntries(SIGNAL_NAMES.map((name, i) => [name, round(weights[i])])) as Calibration['weights'],
  };
  const scored = data.map((d) => ({
    p: d.uncovered ? 0 : sigmoid(SIGNAL_NAMES.reduce((s, name, i) => s + model.weights[name] * features(d.signals)[i], model.bias)),
    right: d.right,
    answerable: d.answerable,
    group: d.group,
  }));
  return { version: 1, ...model, ...chooseBands(scored), fittedOn };
}
