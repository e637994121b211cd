import { readIndex } from '../knowledge/build';
import { loadLexicon } from '../knowledge/lexicon';
import { KnowledgeSearch } from '../knowledge/search';

/**
 * Run as a fresh process by the benchmark: loads the index file named on the command line the way the bot
 * does, answers a few questions (so lazily built look-up structures exist, as in a running bot) and prints
 * its resident set size as JSON.
 */
const file = process.argv[2];
const started = process.hrtime.bigint();
const search = new KnowledgeSearch(readIndex(file), loadLexicon());
const loadMs = Number(process.hrtime.bigint() - started) / 1e6;
for (const q of [
  'Wie lange dauert die Bedenkfrist?',
  'Traumambulanz Sitzungen',
  'human trafficking shelter',
  'Menschenhandl Arbeitsausbeutng Workshop',
])
  search.search(q);
const firstQueriesMs = Number(process.hrtime.bigint() - started) / 1e6 - loadMs;
process.stdout.write(
  `${JSON.stringify({ rss: process.memoryUsage().rss, heapUsed: process.memoryUsage().heapUsed, loadMs, firstQueriesMs, passages: search.passageCount })}\n`,
);
