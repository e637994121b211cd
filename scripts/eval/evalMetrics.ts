import type { AnswerDecision } from '../../knowledge/confidence';

/** What happened to one question: where the first relevant result was and what the chat decided. */
export interface Outcome {
  q: string;
  answerable: boolean;
  /** 0-based rank of the first relevant result among the first 5, -1 if none (always -1 when unanswerable). */
  rank: number;
  /** The chat's decision; absent for peer libraries, which have none. */
  decision?: AnswerDecision;
  /** The confidence the decision was taken on (0..1). */
  confidence?: number;
  top: string[];
}

export interface Metrics {
  cases: number;
  answerable: number;
  unanswerable: number;
  hitAt1: number | null;
  hitAt3: number | null;
  mrr: number | null;
  /** Answerable, answer ≠ none and the first result relevant; share of the answerable cases. */
  right: number | null;
  /** Answer = confident and the first result not relevant (every confident answer to an unanswerable case); share of all cases. */
  confidentlyWrong: number | null;
  /** Unanswerable and answer = none; share of the unanswerable cases. */
  declined: number | null;
  /** Does the confidence rank right first answers above everything else? 0.5 = chance, 1 = perfect. */
  auc: number | null;
}

/** A first result the user can act on: the question is answerable and the first result answers it. */
export const isRightFirst = (o: Outcome): boolean => o.answerable && o.rank === 0;

const share = (count: number, of: number): number | null => (of ? count / of : null);

/** Area under the ROC curve of `score` for telling positives from negatives (ties count half). */
export function auc(scored: Array<{ score: number; positive: boolean }>): number | null {
  const pos = scored.filter((s) => s.positive).map((s) => s.score);
  const neg = scored.filter((s) => !s.positive).map((s) => s.score);
  if (!pos.length || !neg.length) return null;
  let wins = 0;
  for (const p of pos) for (const n of neg) wins += p > n ? 1 : p === n ? 0.5 : 0;
  return wins / (pos.length * neg.length);
}

export function metrics(outcomes: Outcome[]): Metrics {
  const answerable = outcomes.filter((o) => o.answerable);
  const unanswerable = outcomes.filter((o) => !o.answerable);
  const decided = outcomes.every((o) => o.decision !== undefined) && outcomes.length > 0;
  const count = (list: Outcome[], test: (o: Outcome) => boolean) => list.filter(test).length;
  const rr = answerable.reduce((sum, o) => sum + (o.rank >= 0 ? 1 / (o.rank + 1) : 0), 0);
  return {
    cases: outcomes.length,
    answerable: answerable.length,
    unanswerable: unanswerable.length,
    hitAt1: share(
      count(answerable, (o) => o.rank === 0),
      answerable.length,
    ),
    hitAt3: share(
      count(answerable, (o) => o.rank >= 0 && o.rank < 3),
      answerable.length,
    ),
    mrr: share(rr, answerable.length),
    right: decided
      ? share(
          count(answerable, (o) => o.rank === 0 && o.decision !== 'none'),
          answerable.length,
        )
      : null,
    confidentlyWrong: decided
      ? share(
          count(outcomes, (o) => o.decision === 'confident' && !isRightFirst(o)),
          outcomes.length,
        )
      : null,
    declined: decided
      ? share(
          count(unanswerable, (o) => o.decision === 'none'),
          unanswerable.length,
        )
      : null,
    auc: decided ? auc(outcomes.map((o) => ({ score: o.confidence ?? 0, positive: isRightFirst(o) }))) : null,
  };
}

export interface ReliabilityRow {
  /** Lower bound of the confidence band (inclusive); the band ends at the next row's bound. */
  from: number;
  to: number;
  cases: number;
  /** Mean confidence in the band: what the confidence predicts. */
  predicted: number | null;
  /** Share of right first answers observed in the band. */
  observed: number | null;
}

/** Predicted vs observed share of right first answers per confidence band. */
export function reliability(outcomes: Outcome[], bounds: number[] = [0, 0.2, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0001]): ReliabilityRow[] {
  const rows: ReliabilityRow[] = [];
  for (let i = 0; i + 1 < bounds.length; i++) {
    const inBand = outcomes.filter((o) => (o.confidence ?? 0) >= bounds[i] && (o.confidence ?? 0) < bounds[i + 1]);
    const mean = inBand.reduce((s, o) => s + (o.confidence ?? 0), 0);
    rows.push({
      from: bounds[i],
      to: Math.min(1, bounds[i + 1]),
      cases: inBand.length,
      predicted: share(mean, inBand.length),
      observed: share(inBand.filter(isRightFirst).length, inBand.length),
    });
  }
  return rows;
}
