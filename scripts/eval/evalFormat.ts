import type { Metrics, ReliabilityRow } from './evalMetrics';
import type { EvalResult, GroupReport } from './evalReport';

const num = (x: number | null | undefined, width = 6) => (x === null || x === undefined ? '-' : x.toFixed(3)).padStart(width);

/** The columns of every metrics table, in print order. */
const COLUMNS: Array<[string, (m: Metrics) => string]> = [
  ['cases', (m) => String(m.cases).padStart(5)],
  ['unans', (m) => String(m.unanswerable).padStart(5)],
  ['hit@1', (m) => num(m.hitAt1)],
  ['hit@3', (m) => num(m.hitAt3)],
  ['mrr', (m) => num(m.mrr)],
  ['right', (m) => num(m.right)],
  ['confwrong', (m) => num(m.confidentlyWrong, 9)],
  ['declined', (m) => num(m.declined, 8)],
  ['auc', (m) => num(m.auc)],
];

function header(label: string, width: number): string {
  return `  ${label.padEnd(width)} ${COLUMNS.map(([name, cell]) => name.padStart(cell({ cases: 0, unanswerable: 0 } as Metrics).length)).join(' ')}`;
}

function table(rows: Array<{ label: string; m: Metrics }>): string[] {
  const width = Math.max(24, ...rows.map((r) => r.label.length));
  return [header('group', width), ...rows.map((r) => `  ${r.label.padEnd(width)} ${COLUMNS.map(([, cell]) => cell(r.m)).join(' ')}`)];
}

const groupRows = (groups: GroupReport[]) => groups.map((g) => ({ label: g.group, m: g as Metrics }));

function reliabilityLines(title: string, rows: ReliabilityRow[]): string[] {
  return [
    title,
    `  ${'band'.padEnd(11)} ${'cases'.padStart(5)} ${'predicted'.padStart(9)} ${'observed'.padStart(8)}`,
    ...rows.map(
      (r) =>
        `  ${`${r.from.toFixed(2)}–${r.to.toFixed(2)}`.padEnd(11)} ${String(r.cases).padStart(5)} ${num(r.predicted, 9)} ${num(r.observed, 8)}`,
    ),
  ];
}

/**
 * Readable report: per file a table of all / per split / per style / per topic, the misses below it when
 * asked for, the overall pool, the reliability of the confidence, and the peers when they ran.
 * right = answered (not "none") with a relevant first result; confwrong = answered confidently with an
 * irrelevant first result (share of all cases); declined = "none" for an unanswerable question.
 */
export function formatReport(result: EvalResult, options: { misses?: boolean } = {}): string {
  const lines: string[] = [];
  for (const f of result.files) {
    lines.push(`${f.file}`, ...table(groupRows(f.groups)));
    if (options.misses) {
      for (const m of f.misses)
        lines.push(`  miss rank=${m.rank ?? '-'} answer=${m.decision ?? '-'} q=${JSON.stringify(m.q)} top=[${m.top.join(', ')}]`);
    }
    lines.push('');
  }
  lines.push('overall (all files pooled)', ...table(groupRows(result.overall)), '');
  lines.push(
    ...reliabilityLines('reliability of the confidence, holdout split (right first answers per band)', result.reliability.holdout),
    '',
  );
  lines.push(...reliabilityLines('reliability of the confidence, all files', result.reliability.all));
  if (result.peers) {
    lines.push('', 'peers (same passages, same questions, same run)');
    lines.push(...table(result.peers.map((p) => ({ label: `${p.file} [${p.split}] ${p.ranker}`, m: p.metrics }))));
  }
  return `${lines.join('\n')}\n`;
}
