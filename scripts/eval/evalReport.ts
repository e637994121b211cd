import fs from 'node:fs';
import { type AnswerDecision } from '../../knowledge/confidence';
import { loadQueryVocabulary } from '../../dialogs/directoryQuery';
import { answerAsChat } from '../../dialogs/questionRoute';
import { isRelevant, isUnanswerable, type EvalCase } from '../../knowledge/evaluate';
import { metrics, reliability, type Metrics, type Outcome, type ReliabilityRow } from './evalMetrics';
import type { KnowledgeSearch, SearchHit } from '../../knowledge/search';

/** The question files `npm run eval` checks when none are named. */
export const DEFAULT_EVAL_FILES = [
  'test/eval/questions.json',
  'test/eval/own-questions.json',
  'test/eval/realistic.json',
  'test/eval/realistic-blind.json',
  'test/eval/realistic-dev.json',
  'test/eval/realistic-blind2.json',
  'test/eval/realistic-blind3.json',
  'test/eval/realistic-blind4.json',
  'test/eval/realistic-blind5.json',
  'test/eval/realistic-en.json',
  'test/eval/realistic-dev3.json',
  'test/eval/realistic-dev4.json',
  'test/eval/realistic-dev5.json',
  'test/eval/realistic-blind6.json',
  'test/eval/realistic-blind7.json',
  'test/eval/realistic-dev6.json',
  'test/eval/realistic-dev7.json',
  'test/eval/realistic-blind8.json',
  'test/eval/realistic-blind9.json',
  'test/eval/realistic-dev8.json',
  'test/eval/realistic-dev9.json',
  'test/eval/realistic-dev10.json',
  'test/eval/realistic-dev11.json',
  'test/eval/realistic-blind10.json',
  'test/eval/offtopic.json',
];

/** A search under test: Lotse (with its decision and confidence) or a peer library (results only). */
export type Ranked = { hits: Array<Pick<SearchHit, 'passage' | 'source'>>; decision?: AnswerDecision; confidence?: number };
export type Ranker = (q: string) => Ranked | Promise<Ranked>;

/** Lotse as the chat answers (answerAsChat: a contact question naming a Land gets its directory). */
export function lotseRanker(search: KnowledgeSearch): Ranker {
  const vocab = loadQueryVocabulary();
  return (q) => {
    const chat = answerAsChat(search, q, vocab, 5);
    return { hits: chat.hits, decision: chat.answer, confidence: chat.result.confidence };
  };
}

export type CaseOutcome = Outcome & Pick<EvalCase, 'style' | 'topic' | 'split'>;

const isStrings = (x: unknown): x is string[] => Array.isArray(x) && x.every((p) => typeof p === 'string' && p.length > 0);

/** Reads a question file, naming the file and the case in any format error. */
export function readCases(file: string): EvalCase[] {
  const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as { cases?: unknown };
  const format = `expected {"cases": [{"q": "…", "expect": [["…"]] or [] for an unanswerable question}, …]}`;
  if (!Array.isArray(parsed.cases) || !parsed.cases.length) throw new Error(`${file}: ${format}`);
  parsed.cases.forEach((c, i) => {
    const problem =
      !c || typeof c.q !== 'string' || !c.q.trim()
        ? 'q'
        : !Array.isArray(c.expect) || !c.expect.every((g: unknown) => isStrings(g) && g.length > 0)
          ? 'expect'
          : c.ids !== undefined && !isStrings(c.ids)
            ? 'ids'
            : c.split !== undefined && c.split !== 'tune' && c.split !== 'holdout'
              ? 'split'
              : ['style', 'topic'].find((k) => c[k] !== undefined && typeof c[k] !== 'string');
    if (problem) throw new Error(`${file}: cases[${i}]: field "${problem}" is invalid; ${format}`);
  });
  return parsed.cases as EvalCase[];
}

export async function runCases(rank: Ranker, cases: EvalCase[]): Promise<CaseOutcome[]> {
  const out: CaseOutcome[] = [];
  for (const c of cases) {
    const ranked = await rank(c.q);
    const hits = ranked.hits.slice(0, 5);
    const answerable = !isUnanswerable(c);
    const rank0 = answerable ? hits.findIndex((h) => isRelevant(h, c.expect, c.ids)) : -1;
    out.push({
      q: c.q,
      answerable,
      rank: rank0,
      decision: ranked.decision,
      confidence: ranked.confidence,
      top: hits.slice(0, 3).map((h) => h.passage.id),
      style: c.style,
      topic: c.topic,
      split: c.split,
    });
  }
  return out;
}

export interface GroupReport extends Metrics {
  group: string;
}

/** all, then per split, per style and per topic (groups in order of first appearance). */
export function groupReports(outcomes: CaseOutcome[]): GroupReport[] {
  const groups = new Map<string, CaseOutcome[]>([['all', outcomes]]);
  for (const key of ['split', 'style', 'topic'] as const) {
    for (const o of outcomes) {
      if (!o[key]) continue;
      const name = `${key}=${o[key]}`;
      groups.set(name, [...(groups.get(name) ?? []), o]);
    }
  }
  return [...groups].map(([group, list]) => ({ group, ...metrics(list) }));
}

export interface FileReport {
  file: string;
  groups: GroupReport[];
  /** Answerable cases whose first result is not relevant, and unanswerable cases not declined. */
  misses: Array<{ q: string; rank: number | null; decision?: AnswerDecision; top: string[] }>;
}

export function fileReport(file: string, outcomes: CaseOutcome[]): FileReport {
  const misses = outcomes
    .filter((o) => (o.answerable ? o.rank !== 0 : o.decision !== 'none'))
    .map((o) => ({ q: o.q, rank: o.rank >= 0 ? o.rank + 1 : null, decision: o.decision, top: o.top }));
  return { file, groups: groupReports(outcomes), misses };
}

export interface PeerRow {
  file: string;
  split: string;
  ranker: string;
  metrics: Metrics;
}

export interface EvalResult {
  files: FileReport[];
  overall: GroupReport[];
  reliability: { holdout: ReliabilityRow[]; all: ReliabilityRow[] };
  peers?: PeerRow[];
}

/** Evaluates every file separately and all cases together (overall = one pool, not a mean of means). */
export async function evaluateFiles(
  search: KnowledgeSearch,
  files: Array<{ file: string; cases: EvalCase[] }>,
  peers: Array<{ name: string; rank: Ranker }> = [],
): Promise<EvalResult> {
  const lotse = lotseRanker(search);
  const all: CaseOutcome[] = [];
  const reports: FileReport[] = [];
  for (const f of files) {
    const outcomes = await runCases(lotse, f.cases);
    all.push(...outcomes);
    reports.push(fileReport(f.file, outcomes));
  }
  const result: EvalResult = {
    files: reports,
    overall: groupReports(all).filter((g) => g.group === 'all' || g.group.startsWith('split=')),
    reliability: { holdout: reliability(all.filter((o) => o.split === 'holdout')), all: reliability(all) },
  };
  if (peers.length) result.peers = await peerTable(files, [{ name: 'Lotse', rank: lotse }, ...peers]);
  return result;
}

async function peerTable(
  files: Array<{ file: string; cases: EvalCase[] }>,
  rankers: Array<{ name: string; rank: Ranker }>,
): Promise<PeerRow[]> {
  const rows: PeerRow[] = [];
  for (const f of files) {
    const splits = [...new Set(f.cases.map((c) => c.split ?? 'all'))];
    for (const split of splits.length > 1 ? ['all', ...splits] : ['all']) {
      const cases = split === 'all' ? f.cases : f.cases.filter((c) => c.split === split);
      for (const r of rankers) rows.push({ file: f.file, split, ranker: r.name, metrics: metrics(await runCases(r.rank, cases)) });
    }
  }
  return rows;
}
