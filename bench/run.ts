import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Fuse from 'fuse.js';
import { buildIndex } from '../knowledge/indexer';
import { loadLexicon, type Lexicon } from '../knowledge/lexicon';
import { KnowledgeSearch, SEARCH_DEFAULTS } from '../knowledge/search';
import { Vocabulary } from '../knowledge/vocabulary';
import { generateCorpus, realKnowledge, type Corpus } from './corpus';
import { fmt, median, msSince, percentile } from './lib';
import { figureProblems } from './required';
import { benchQueries, evalQuestions } from './queries';
import { answeredWhenIdle, runTurns, runWebTurns, startBotServer, type Conversation, type TurnRun } from './turns';
import { createRateLimiter } from '../src/rateLimiter';

/**
 * npm run bench [-- --quick] [--only=search,fuse,build,rss,turns,ratelimit]
 *
 * Prints one `name: value` line per figure on stdout (progress goes to stderr). Every figure is the median
 * over repeated runs. Never fails because something is slow: the numbers are for reading, not for gating.
 * --quick (for CI): smaller corpora (the names keep their labels; bench_scale says by how much they shrank),
 * fewer queries, runs and turns.
 */

interface Plan {
  quick: boolean;
  sizes: Array<{ label: '1k' | '10k' | '100k'; passages: number }>;
  queries: number;
  runs: number;
  warmups: number;
  buildRuns: number;
  rssRuns: number;
  fuseQueries: number;
  fuseRuns: number;
  turnLevels: Array<{ concurrency: number; turns: number }>;
  turnRuns: number;
}

function plan(quick: boolean): Plan {
  if (quick) {
    return {
      quick,
      sizes: [
        { label: '1k', passages: 1_000 },
        { label: '10k', passages: 2_000 },
        { label: '100k', passages: 4_000 },
      ],
      queries: 60,
      runs: 2,
      warmups: 1,
      buildRuns: 1,
      rssRuns: 1,
      fuseQueries: 1,
      fuseRuns: 1,
      turnLevels: [
        { concurrency: 1, turns: 10 },
        { concurrency: 50, turns: 50 },
        { concurrency: 200, turns: 200 },
      ],
      turnRuns: 1,
    };
  }
  return {
    quick,
    sizes: [
      { label: '1k', passages: 1_000 },
      { label: '10k', passages: 10_000 },
      { label: '100k', passages: 100_000 },
    ],
    queries: 300,
    runs: 5,
    warmups: 2,
    buildRuns: 3,
    rssRuns: 3,
    fuseQueries: 30,
    fuseRuns: 2,
    turnLevels: [
      { concurrency: 1, turns: 300 },
      { concurrency: 50, turns: 3_000 },
      { concurrency: 200, turns: 4_000 },
    ],
    turnRuns: 3,
  };
}

const MIB = 1024 * 1024;

const printed = new Map<string, string>();

function print(name: string, value: number | string): void {
  if (printed.has(name)) throw new Error(`figure printed twice: ${name}`);
  printed.set(name, typeof value === 'number' ? fmt(value) : value);
  process.stdout.write(`${name}: ${typeof value === 'number' ? fmt(value) : value}\n`);
}

const benchStart = process.hrtime.bigint();

function progress(message: string): void {
  process.stderr.write(`# ${(msSince(benchStart) / 1000).toFixed(1)} s: ${message}\n`);
}

/** Time to build the vocabulary's trigram index: a fresh vocabulary's first typo look-up minus its second. */
function trigramIndexMs(vocab: string[]): number {
  return median(
    Array.from({ length: 3 }, () => {
      const v = new Vocabulary(vocab);
      let t = process.hrtime.bigint();
      v.similar('bedenkfirst');
      const first = msSince(t);
      t = process.hrtime.bigint();
      v.similar('bedenkfirst');
      return Math.max(0, first - msSince(t));
    }),
  );
}

/** Collects the garbage of the previous step when node runs with --expose-gc (npm run bench does). */
function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/** Times each query once per run; returns the medians (over runs) of the per-run p50 and p99. */
function timeSearch(search: KnowledgeSearch, queries: string[], runs: number, warmups: number): { p50: number; p99: number; max: number } {
  for (let w = 0; w < warmups; w++) for (const q of queries) search.search(q); // JIT and lazily built structures
  collectGarbage();
  const p50s: number[] = [];
  const p99s: number[] = [];
  const maxes: number[] = [];
  for (let r = 0; r < runs; r++) {
    const times = queries.map((q) => {
      const started = process.hrtime.bigint();
      search.search(q);
      return msSince(started);
    });
    p50s.push(percentile(times, 50));
    p99s.push(percentile(times, 99));
    maxes.push(Math.max(...times));
  }
  return { p50: median(p50s), p99: median(p99s), max: median(maxes) };
}

function fuseBaseline(corpus: Corpus, queries: string[], runs: number): { p50: number; p99: number } {
  const fuse = new Fuse(corpus.passages, { keys: ['heading', 'text'], includeScore: true, ignoreLocation: true });
  fuse.search('Bedenkfrist'); // warm-up (a short query: a long one costs a second)
  const p50s: number[] = [];
  const p99s: number[] = [];
  for (let r = 0; r < runs; r++) {
    const times = queries.map((q) => {
      const started = process.hrtime.bigint();
      fuse.search(q, { limit: SEARCH_DEFAULTS.limit });
      return msSince(started);
    });
    p50s.push(percentile(times, 50));
    p99s.push(percentile(times, 99));
  }
  return { p50: median(p50s), p99: median(p99s) };
}

/** Cost of one rate-limit check while `keys` conversations are active in the same minute. */
function rateLimitMicros(keys: number): number {
  const times: number[] = [];
  for (let r = 0; r < 3; r++) {
    let t = 1_000_000;
    const limited = createRateLimiter(60, () => t);
    for (let k = 0; k < keys; k++) limited(`conv-${k}`);
    const rounds = 100_000;
    const started = process.hrtime.bigint();
    for (let i = 0; i < rounds; i++) {
      t += 0.1;
      limited(`conv-${i % keys}`);
    }
    times.push((msSince(started) * 1000) / rounds);
  }
  return median(times);
}

function rssOfFreshProcess(indexFile: string, runs: number): { rss: number; loadMs: number } {
  const samples: Array<{ rss: number; loadMs: number }> = [];
  for (let r = 0; r < runs; r++) {
    const out = execFileSync(process.execPath, [path.join(__dirname, 'rssChild.js'), indexFile], { encoding: 'utf8' });
    samples.push(JSON.parse(out.trim().split('\n').pop()!));
  }
  return { rss: median(samples.map((s) => s.rss)), loadMs: median(samples.map((s) => s.loadMs)) };
}

/** Questions with a clear answer in the real knowledge base, one per distinct answer passage. */
function conversations(lexicon: Lexicon): Conversation[] {
  const real = realKnowledge();
  const search = new KnowledgeSearch(buildIndex(real.sources, real.passages), lexicon);
  const seen = new Set<string>();
  const out: Conversation[] = [];
  for (const question of evalQuestions()) {
    const top = search.search(question).hits[0];
    if (!top || top.score < SEARCH_DEFAULTS.plausible || seen.has(top.passage.id)) continue;
    seen.add(top.passage.id);
    out.push({ id: `bench-conv-${out.length}`, question, expect: top.passage.text.slice(0, 80) });
  }
  // An expectation contained in another passage's opening would make the check ambiguous: drop those.
  return out.filter((c) => !out.some((o) => o !== c && o.expect.includes(c.expect)));
}

async function turnBench(p: Plan, lexicon: Lexicon): Promise<void> {
  const candidates = conversations(lexicon);
  progress(`turns: starting the bot server (${candidates.length} distinct questions)`);
  const server = await startBotServer();
  const echo = await startBotServer({}, 'echoServer.js');
  try {
    const convs = await answeredWhenIdle(server.port, candidates);
    print('bench_questions', convs.length);
    await runTurns(server.port, convs, 10, p.quick ? 20 : 200); // warm-up
    await runTurns(echo.port, convs, 10, p.quick ? 20 : 200);
    let lost = 0;
    let crossed = 0;
    let unexpected = 0;
    for (const level of p.turnLevels) {
      const runs: TurnRun[] = [];
      const echoRuns: TurnRun[] = [];
      // At c200 the bot is measured against the plain restify echo server, alternating, so both see the same machine load.
      const paired = level.concurrency === 200;
      const runCount = paired ? Math.max(p.turnRuns, 3) : p.turnRuns;
      for (let r = 0; r < runCount; r++) {
        if (paired) echoRuns.push(await runTurns(echo.port, convs, level.concurrency, level.turns));
        runs.push(await runTurns(server.port, convs, level.concurrency, level.turns));
      }
      const c = `c${level.concurrency}`;
      if (paired) {
        const pairs = runs.map((x, i) => percentile(x.latencies, 99) / percentile(echoRuns[i].latencies, 99));
        print(`echo_p50_ms_${c}`, median(echoRuns.map((x) => percentile(x.latencies, 50))));
        print(`echo_p99_ms_${c}`, median(echoRuns.map((x) => percentile(x.latencies, 99))));
        print(`echo_rps_${c}`, median(echoRuns.map((x) => x.turns / (x.elapsedMs / 1000))));
        print(`turn_p99_vs_echo_${c}`, median(pairs));
      }
      print(`turn_p50_ms_${c}`, median(runs.map((x) => percentile(x.latencies, 50))));
      print(`turn_p99_ms_${c}`, median(runs.map((x) => percentile(x.latencies, 99))));
      print(`turn_rps_${c}`, median(runs.map((x) => x.turns / (x.elapsedMs / 1000))));
      const sum = (f: (x: TurnRun) => number) => runs.reduce((s, x) => s + f(x), 0);
      print(
        `lost_replies_${c}`,
        sum((x) => x.lost),
      );
      print(
        `crossed_replies_${c}`,
        sum((x) => x.crossed),
      );
      lost += sum((x) => x.lost);
      crossed += sum((x) => x.crossed);
      unexpected += sum((x) => x.unexpected);
    }
    // The web endpoint (local/self-hosted web mode), measured the same way: the chat page's path.
    await runWebTurns(server.port, convs, 10, p.quick ? 20 : 200); // warm-up
    for (const level of p.turnLevels) {
      const runs: TurnRun[] = [];
      for (let r = 0; r < p.turnRuns; r++) runs.push(await runWebTurns(server.port, convs, level.concurrency, level.turns));
      const c = `c${level.concurrency}`;
      print(`web_turn_p50_ms_${c}`, median(runs.map((x) => percentile(x.latencies, 50))));
      print(`web_turn_p99_ms_${c}`, median(runs.map((x) => percentile(x.latencies, 99))));
      print(`web_turn_rps_${c}`, median(runs.map((x) => x.turns / (x.elapsedMs / 1000))));
      const sum = (f: (x: TurnRun) => number) => runs.reduce((s, x) => s + f(x), 0);
      print(
        `web_lost_replies_${c}`,
        sum((x) => x.lost),
      );
      print(
        `web_crossed_replies_${c}`,
        sum((x) => x.crossed),
      );
      lost += sum((x) => x.lost);
      crossed += sum((x) => x.crossed);
      unexpected += sum((x) => x.unexpected);
    }
    print('lost_replies', lost);
    print('crossed_replies', crossed);
    print('unexpected_replies', unexpected);
    print('server_rss_mb_after_turns', (await server.rss()) / MIB);
  } finally {
    await echo.stop();
    await server.stop();
  }
}

async function main(argv: string[]): Promise<void> {
  const p = plan(argv.includes('--quick'));
  const onlyArg = argv.find((a) => a.startsWith('--only='));
  const only = onlyArg ? new Set(onlyArg.slice('--only='.length).split(',')) : null;
  const want = (part: string) => !only || only.has(part);
  const lexicon = loadLexicon();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'lotse-bench-'));
  const queries = benchQueries(realKnowledge(), p.queries);
  const started = process.hrtime.bigint();

  print('bench_mode', p.quick ? 'quick' : 'full');
  print('bench_scale', p.sizes[2].passages / 100_000);
  print('node', process.version);
  print('cpus', os.cpus().length);
  print('queries', queries.length);
  // JIT warm-up on the real knowledge base, so the first corpus size does not pay for compiling the search.
  const warm = new KnowledgeSearch(buildIndex(realKnowledge().sources, realKnowledge().passages), lexicon);
  for (let w = 0; w < 3; w++) for (const q of queries) warm.search(q);
  try {
    let searchP99At1k = NaN;
    for (const size of p.sizes) {
      const needSearch = want('search') || (size.label === '1k' && want('fuse'));
      const needBuild = size.label === '10k' && (want('build') || want('rss'));
      if (!needSearch && !needBuild) continue;
      progress(`${size.label}: generating ${size.passages} passages`);
      const corpus = generateCorpus(size.passages);
      if (needBuild) {
        const file = path.join(tmp, `index-${size.label}.json`);
        const out = execFileSync(
          process.execPath,
          [path.join(__dirname, 'buildChild.js'), String(size.passages), file, String(p.buildRuns)],
          {
            encoding: 'utf8',
          },
        );
        const times = (JSON.parse(out.trim().split('\n').pop()!) as { times: number[] }).times;
        print(`kb_build_s_${size.label}`, median(times) / 1000);
        print(`index_mb_${size.label}`, fs.statSync(file).size / MIB);
        if (want('rss')) {
          const rss = rssOfFreshProcess(file, p.rssRuns);
          print(`rss_mb_${size.label}`, rss.rss / MIB);
          print(`index_load_ms_${size.label}`, rss.loadMs);
        }
      }
      if (!needSearch) continue;
      const index = buildIndex(corpus.sources, corpus.passages);
      collectGarbage();
      const t0 = process.hrtime.bigint();
      const search = new KnowledgeSearch(index, lexicon);
      print(`passages_${size.label}`, search.passageCount);
      print(`vocab_terms_${size.label}`, index.vocab.length);
      print(`search_init_ms_${size.label}`, msSince(t0));
      print(`trigram_index_ms_${size.label}`, trigramIndexMs(index.vocab));
      if (want('search') || size.label === '1k') {
        progress(`${size.label}: timing ${queries.length} queries × ${p.runs} runs`);
        const t = timeSearch(search, queries, p.runs, p.warmups);
        print(`search_p50_ms_${size.label}`, t.p50);
        print(`search_p99_ms_${size.label}`, t.p99);
        print(`search_max_ms_${size.label}`, t.max);
        if (size.label === '1k') searchP99At1k = t.p99;
      }
      if (size.label === '1k' && want('fuse')) {
        progress(`1k: plain fuse.js over all passages, ${p.fuseQueries} queries × ${p.fuseRuns} runs`);
        const fuse = fuseBaseline(corpus, queries.slice(0, p.fuseQueries), p.fuseRuns);
        print('fuse_plain_p50_ms_1k', fuse.p50);
        print('fuse_plain_p99_ms_1k', fuse.p99);
        print('search_speedup_vs_fuse_1k', fuse.p99 / searchP99At1k);
      }
    }
    if (want('turns')) await turnBench(p, lexicon);
    if (want('ratelimit')) {
      for (const keys of [1_000, 30_000]) print(`ratelimit_us_per_msg_${keys / 1000}k_convs`, rateLimitMicros(keys));
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  print('bench_total_s', msSince(started) / 1000);
  // A complete run checks itself: every required figure there, no reply lost or crossed.
  const problems = only ? [] : figureProblems(printed);
  for (const problem of problems) process.stderr.write(`bench: ${problem}\n`);
  if (problems.length) process.exitCode = 1;
}

main(process.argv.slice(2)).catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
