import { writeIndex } from '../knowledge/build';
import { buildIndex } from '../knowledge/indexer';
import { generateCorpus } from './corpus';

/**
 * Run as a fresh process by the benchmark, as `npm run kb:build` runs: generates the synthetic corpus of the
 * size named on the command line (not timed), then builds and writes its index `runs` times and prints the
 * build times as JSON. A fresh process keeps the other sections' heap out of the build's garbage collection.
 */
const [size, file, runs] = [Number(process.argv[2]), process.argv[3], Number(process.argv[4] ?? 1)];
const corpus = generateCorpus(size);
const times: number[] = [];
for (let r = 0; r < runs; r++) {
  const started = process.hrtime.bigint();
  writeIndex(buildIndex(corpus.sources, corpus.passages), file);
  times.push(Number(process.hrtime.bigint() - started) / 1e6);
}
process.stdout.write(`${JSON.stringify({ times })}\n`);
