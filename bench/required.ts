/**
 * The figures every full or quick `npm run bench` must print (issue 8). The bench checks its own output
 * against this list, so `.ci/run`'s quick run fails when a figure goes missing or a reply is lost or crossed,
 * never because something is slow.
 */
export const REQUIRED_FIGURES = [
  'search_p50_ms_1k',
  'search_p99_ms_1k',
  'search_p50_ms_10k',
  'search_p99_ms_10k',
  'search_p50_ms_100k',
  'search_p99_ms_100k',
  'kb_build_s_10k',
  'index_mb_10k',
  'rss_mb_10k',
  'turn_p50_ms_c1',
  'turn_p99_ms_c1',
  'turn_p50_ms_c50',
  'turn_p99_ms_c50',
  'turn_rps_c50',
  'turn_p50_ms_c200',
  'turn_p99_ms_c200',
  'turn_rps_c200',
  'lost_replies',
  'crossed_replies',
  'fuse_plain_p99_ms_1k',
  'search_speedup_vs_fuse_1k',
  'echo_p99_ms_c200',
  'turn_p99_vs_echo_c200',
  'ratelimit_us_per_msg_30k_convs',
] as const;

/** Figures whose value must be 0: a benchmark that loses or crosses a reply has found a bug, not a slowness. */
const MUST_BE_ZERO = ['lost_replies', 'crossed_replies'];

/** What is wrong with a complete run's figures (empty when nothing is): missing, not a number, or a lost reply. */
export function figureProblems(figures: ReadonlyMap<string, string>): string[] {
  const problems: string[] = [];
  for (const name of REQUIRED_FIGURES) {
    const value = figures.get(name);
    if (value === undefined) problems.push(`${name}: missing`);
    else if (!Number.isFinite(Number(value))) problems.push(`${name}: not a number (${value})`);
  }
  for (const name of MUST_BE_ZERO)
    if (figures.has(name) && Number(figures.get(name)) !== 0) problems.push(`${name}: ${figures.get(name)} (must be 0)`);
  return problems;
}
