import { z } from 'zod';

/** Measurements of one search that tell a right first answer from a wrong one. All 0..1 except concepts. */
export interface ConfidenceSignals {
  /** The first hit's score: coverage of the question, scaled by its lead. */
  top: number;
  /** Share of the question's weight the first hit covers. */
  coverage: number;
  /** 1 − rival / first (raw scores), the rival covering clearly less of the question: how clearly the first hit leads. */
  margin: number;
  /** Share of the question's content concepts (mass ≥ 0.5) the first hit contains at all. */
  matched: number;
  /** Share of the question's concepts unlike any word (names, hopeless typos). */
  unlike: number;
  /**
   * Share of the question's content concepts that are ordinary words the sources never use (no spelling
   * in the index): what a question outside the field is about ("Wärmepumpe", "Bundesliga"). Words of the
   * story around a question clause count at their context weight.
   */
  unknown: number;
  /**
   * The same share in an English question, apart: every ordinary English word is one the German sources never
   * use, so it says less about a question being outside their field.
   */
  unknownEnglish: number;
  /** Number of concepts in the question. */
  concepts: number;
  /**
   * 1 for an English question, else 0: every English word is one the German sources never use, so the same
   * share of unmatched words means something else than in German (the model learns its own offset).
   */
  english: number;
  /**
   * Share of the question one alternate question of the first hit covers by itself (0 without phrasings):
   * a question asked the way the content says it is asked.
   */
  phrasing: number;
}

export const SIGNAL_NAMES = [
  'top',
  'coverage',
  'margin',
  'matched',
  'unlike',
  'unknown',
  'unknownEnglish',
  'concepts',
  'english',
  'phrasing',
] as const;

export const CalibrationFile = z
  .object({
    version: z.number().int(),
    /** Logistic model: p = 1 / (1 + e^−(bias + Σ weight·feature)). Features: the signals, concepts as log(1 + n). */
    bias: z.number(),
    weights: z
      .object(Object.fromEntries(SIGNAL_NAMES.map((n) => [n, z.number()])) as Record<(typeof SIGNAL_NAMES)[number], z.ZodNumber>)
      .strict(),
    /** At or above: answer plainly. */
    confident: z.number().min(0).max(1),
    /** At or above (below confident): answer with alternatives. Below: "not in my sources". */
    plausible: z.number().min(0).max(1),
    fittedOn: z.string().min(1),
  })
  .strict()
  .refine((c) => c.plausible <= c.confident, { message: 'plausible must not exceed confident', path: ['plausible'] });

export type Calibration = z.infer<typeof CalibrationFile>;

export function features(s: ConfidenceSignals): number[] {
  return SIGNAL_NAMES.map((n) => (n === 'concepts' ? Math.log1p(s.concepts) : s[n]));
}

/** The calibrated probability that the first hit is a right answer; without a model, the top score. */
export function calibratedConfidence(s: ConfidenceSignals, model: Calibration | undefined): number {
  if (!model) return s.top;
  const x = features(s);
  const z = SIGNAL_NAMES.reduce((sum, n, i) => sum + model.weights[n] * x[i], model.bias);
  return Math.round((1 / (1 + Math.exp(-z))) * 1000) / 1000;
}

/** Fits the logistic model by gradient descent with a little L2 (features are on similar scales). */
export function fitLogistic(
  xs: number[][],
  ys: boolean[],
  { steps = 4000, rate = 0.5, l2 = 0.001 } = {},
): { bias: number; weights: number[] } {
  const d = xs[0]?.length ?? 0;
  let bias = 0;
  const w = new Array<number>(d).fill(0);
  for (let step = 0; step < steps; step++) {
    let gb = 0;
    const gw = new Array<number>(d).fill(0);
    xs.forEach((x, i) => {
      const p = 1 / (1 + Math.exp(-(bias + x.reduce((s, v, k) => s + v * w[k], 0))));
      const err = p - (ys[i] ? 1 : 0);
      gb += err;
      for (let k = 0; k < d; k++) gw[k] += err * x[k];
    });
    bias -= (rate * gb) / xs.length;
    for (let k = 0; k < d; k++) w[k] -= rate * (gw[k] / xs.length + l2 * w[k]);
  }
  return { bias, weights: w };
}
