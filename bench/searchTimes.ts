import { buildIndex } from '../knowledge/indexer';
import { loadLexicon } from '../knowledge/lexicon';
import { KnowledgeSearch } from '../knowledge/search';
import { generateCorpus, realKnowledge } from './corpus';
import { fmt, median, msSince, percentile } from './lib';
import { benchQueries } from './queries';

/**
 * node --expose-gc dist/bench/searchTimes.js [passages=10000] [runs=5] [--tail=N] [--dump] [--seconds=S]
 *
 * The search section of `npm run bench` alone, for one corpus size: the same corpus, the same 300 queries,
 * the same warm-up and timing (p50/p99 per run, median over runs). Other sections and sizes are left out,
 * so before/after comparisons can alternate in a few minutes. --tail=N lists the N queries with the
 * highest median time; --dump prints every query's hits (ids and scores) as JSON lines instead of timing,
 * to compare two versions' results on the whole bench; --seconds=S repeats the queries for S seconds
 * (for `node --cpu-prof`).
 */
const args = process.argv.slice(2);
const positional = args.filter((a) => !a.startsWith('--'));
const flag = (name: string) => args.find((a) => a.startsWith(`--${name}`))?.split('=')[1];
const passages = Number(positional[0] ?? 10_000);
const runs = Number(positional[1] ?? 5);
const tail = Number(flag('tail') ?? 0);
const seconds = Number(flag('seconds') ?? 0);

const lexicon = loadLexicon();
const queries = benchQueries(realKnowledge(), 300);
const warm = new KnowledgeSearch(buildIndex(realKnowledge().sources, realKnowledge().passages), lexicon);
for (let w = 0; w < 3; w++) for (const q of queries) warm.search(q);
const corpus = generateCorpus(passages);
const search = new KnowledgeSearch(buildIndex(corpus.sources, corpus.passages), lexicon);
(globalThis as { gc?: () => void }).gc?.();

if (args.includes('--dump')) {
  for (const q of queries) {
    const r = search.search(q);
    const hits = r.hits.map((h) => [h.passage.id, h.score]);
    process.stdout.write(
      `${JSON.stringify({ q, hits, confidence: r.confidence, unknown: r.unknownWords, facts: r.facts, signals: r.signals })}\n`,
    );
  }
} else if (seconds) {
  let n = 0;
  for (const started = process.hrtime.bigint(); msSince(started) < seconds * 1000; n++) for (const q of queries) search.search(q);
  process.stdout.write(`rounds: ${n}\n`);
} else {
  for (let w = 0; w < 2; w++) for (const q of queries) search.search(q);
  (globalThis as { gc?: () => void }).gc?.();
  const p50s: number[] = [];
  const p99s: number[] = [];
  const perQuery: number[][] = queries.map(() => []);
  for (let r = 0; r < runs; r++) {
    const times = queries.map((q, i) => {
      const started = process.hrtime.bigint();
      search.search(q);
      const ms = msSince(started);
      perQuery[i].push(ms);
      return ms;
    });
    p50s.push(percentile(times, 50));
    p99s.push(percentile(times, 99));
  }
  const list = (xs: number[]) => xs.map(fmt).join(' ');
  process.stdout.write(`search_p50_ms: ${fmt(median(p50s))} (${list(p50s)})\n`);
  process.stdout.write(`search_p99_ms: ${fmt(median(p99s))} (${list(p99s)})\n`);
  if (tail) {
    const ranked = queries.map((q, i) => ({ q, ms: median(perQuery[i]) })).sort((a, b) => b.ms - a.ms);
    for (const { q, ms } of ranked.slice(0, tail)) process.stdout.write(`${fmt(ms)}\t${q}\n`);
  }
}
