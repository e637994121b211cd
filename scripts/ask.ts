import readline from 'node:readline';
import { decideAnswer } from '../knowledge/confidence';
import type { SearchResult } from '../knowledge/search';
import { loadCliSearch, processIo, runIfMain, type CliIo } from './cli';

/** The stable JSON contract other tools rely on: one object per question. */
export function toJson(result: SearchResult) {
  return {
    query: result.query,
    answer: decideAnswer(result),
    results: result.hits.map((h) => ({
      id: h.passage.id,
      sourceId: h.source.id,
      title: h.source.title,
      publisher: h.source.publisher,
      date: h.source.date,
      score: h.score,
      text: h.passage.text,
    })),
  };
}

function readable(result: SearchResult): string {
  if (!result.hits.length) return `Keine passende Stelle in den Quellen gefunden für: ${result.query}`;
  return result.hits
    .map(
      (h, i) =>
        `${i + 1}. [${h.score.toFixed(2)}] ${h.source.title} – ${h.passage.heading}\n   ${h.source.publisher}, Stand: ${h.source.date ?? 'unbekannt'}\n   ${h.passage.text.replace(/\n/g, '\n   ')}`,
    )
    .join('\n\n');
}

/** npm run --silent ask -- [--json] [--stdin] "Frage" */
export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  const json = argv.includes('--json');
  const fromStdin = argv.includes('--stdin');
  const question = argv
    .filter((a) => !a.startsWith('--'))
    .join(' ')
    .trim();
  if (!fromStdin && !question) {
    io.err('Aufruf: npm run --silent ask -- [--json] "Ihre Frage"   oder   npm run --silent ask -- --json --stdin < fragen.txt\n');
    return 2;
  }
  const search = loadCliSearch(io);
  if (!search) return 1;
  const answer = (q: string) => {
    const result = search.search(q);
    io.out(json ? `${JSON.stringify(toJson(result))}\n` : `${readable(result)}\n`);
  };
  if (!fromStdin) {
    answer(question);
    return 0;
  }
  const lines = readline.createInterface({ input: io.stdin, crlfDelay: Infinity });
  for await (const line of lines) if (line.trim()) answer(line.trim());
  return 0;
}

runIfMain(module, main);
