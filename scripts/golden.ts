import fs from 'node:fs';
import path from 'node:path';
import { buildKnowledge } from '../knowledge/build';
import { loadLexicon } from '../knowledge/lexicon';
import { projectRoot } from '../knowledge/paths';
import { knowledgeBase } from '../dialogs/knowledgeBase';
import { KnowledgeSearch } from '../knowledge/search';

/**
 * Golden search results: for every eval question and a set of typo, English, compound and odd queries, the
 * top passages and scores the search gives on the real knowledge base. test/knowledge/golden.test.ts fails
 * with a per-query diff when ranking changes; `npm run golden:update` rewrites the file when the change is
 * meant (a ranking change, a new source). The file's git diff then shows what the change did.
 */

export const GOLDEN_PATH = path.join(projectRoot, 'test', 'knowledge', 'golden-results.json');

/** Beyond the eval questions: spellings, English, compounds and inputs at the edges. */
const EXTRA_QUERIES = [
  'Bedenkfirst',
  'Wie lange dauert die Bedenkfrsit?',
  'Menschenhandl Arbeitsausbeutng Workshop',
  'Opferentschaedigungsgesetz',
  'Bilefelder Modl',
  'Kooperationsvereinbarung Sachsen-Anhlat',
  'Schutz von Fluechtlingsunterkuenften',
  'Traumambulanz',
  'Jugendamt Inobhutnahme minderjährig',
  'How long does the reflection period last?',
  'Who helps victims of labour exploitation?',
  'residence permit for victims of human trafficking',
  'Where can I find counselling for minors?',
  'Arbeitsausbeutung',
  'Ausbeutung',
  'Fachberatungsstelle',
  'Menschenhandelsbekämpfung',
  'Bund-Länder-Arbeitsgruppe',
  '§ 25 Abs. 4b AufenthG',
  '§ 25',
  '116 016',
  'Marmorkuchen Rezept',
  'xyzzy qwertz',
  '',
  'Menschenhandel '.repeat(20).trim(),
  'a'.repeat(40),
];

export interface GoldenEntry {
  q: string;
  language: string;
  confidence: number;
  unknownWords: string[];
  /** [passage id, score] of the top hits, best first. */
  hits: Array<[string, number]>;
}

/** The eval questions of every test/eval/*.json file, then the extra queries (each query once). */
export function goldenQueries(evalDir = path.join(projectRoot, 'test', 'eval')): string[] {
  const files = fs
    .readdirSync(evalDir)
    .filter((f) => f.endsWith('.json'))
    .sort();
  const questions = files.flatMap((f) =>
    (JSON.parse(fs.readFileSync(path.join(evalDir, f), 'utf8')) as { cases: Array<{ q: string }> }).cases.map((c) => c.q),
  );
  return [...new Set([...questions, ...EXTRA_QUERIES])];
}

/** Six decimals: any real ranking change shows, float noise from reordered sums would not. */
const round = (x: number) => Math.round(x * 1e6) / 1e6;

export function goldenResults(search: KnowledgeSearch, queries = goldenQueries()): GoldenEntry[] {
  return queries.map((q) => {
    const result = search.search(q);
    return {
      q,
      language: result.language,
      confidence: round(result.confidence),
      unknownWords: result.unknownWords,
      hits: result.hits.map((h): [string, number] => [h.passage.id, round(h.score)]),
    };
  });
}

/** One query per line, so the file's git diff names the queries whose results changed. */
export function serializeGolden(entries: GoldenEntry[]): string {
  return `[\n${entries.map((e) => `  ${JSON.stringify(e)}`).join(',\n')}\n]\n`;
}

export function readGolden(file = GOLDEN_PATH): GoldenEntry[] {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as GoldenEntry[];
}

const describeEntry = (e: GoldenEntry) =>
  `confidence ${e.confidence}, ${e.language}${e.unknownWords.length ? `, unknown ${e.unknownWords.join(' ')}` : ''}\n      ${e.hits.map(([id, s]) => `${id} ${s}`).join('\n      ') || '(no hits)'}`;

/** Readable differences, one block per changed, new or vanished query; empty when nothing changed. */
export function goldenDiff(expected: GoldenEntry[], actual: GoldenEntry[]): string[] {
  const before = new Map(expected.map((e) => [e.q, e]));
  const after = new Map(actual.map((e) => [e.q, e]));
  const out: string[] = [];
  for (const e of actual) {
    const old = before.get(e.q);
    if (!old) out.push(`"${e.q}": new query, not in the golden file`);
    else if (JSON.stringify(old) !== JSON.stringify(e))
      out.push(`"${e.q}":\n  - golden: ${describeEntry(old)}\n  + now:    ${describeEntry(e)}`);
  }
  for (const e of expected) if (!after.has(e.q)) out.push(`"${e.q}": in the golden file, no longer asked`);
  return out;
}

/** The real knowledge base, built in memory (the index file is not touched). */
export function realKnowledgeSearch(): KnowledgeSearch {
  const base = knowledgeBase();
  return new KnowledgeSearch(buildKnowledge(base), loadLexicon(), base);
}

/** npm run golden:update — rewrites the golden file and says how many queries changed. */
function main(): number {
  const previous = fs.existsSync(GOLDEN_PATH) ? readGolden() : [];
  const entries = goldenResults(realKnowledgeSearch());
  const changes = goldenDiff(previous, entries);
  fs.writeFileSync(GOLDEN_PATH, serializeGolden(entries));
  console.log(`${path.relative(process.cwd(), GOLDEN_PATH)}: ${entries.length} queries, ${changes.length} changed`);
  for (const change of changes) console.log(change);
  return 0;
}

if (require.main === module) process.exitCode = main();
