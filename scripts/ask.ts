import readline from 'node:readline';
import { answerAsChat } from '../dialogs/questionRoute';
import { loadQueryVocabulary } from '../dialogs/directoryQuery';
import { loadCliSearch, processIo, runIfMain, type CliIo } from './cli';

/**
 * The stable JSON contract other tools rely on: one object per question. `answer` and the order of `results`
 * are what the chat shows: a contact question naming a Land gets that Land's directory (confident), one the
 * chat answers with the Land buttons alone gets none.
 */
export function toJson(chat: ReturnType<typeof answerAsChat>) {
  return {
    query: chat.result.query,
    answer: chat.answer,
    results: chat.hits.map((h) => ({
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

function readable(chat: ReturnType<typeof answerAsChat>): string {
  if (!chat.hits.length) return `Keine passende Stelle in den Quellen gefunden für: ${chat.result.query}`;
  return chat.hits
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
  const vocab = loadQueryVocabulary();
  const answer = (q: string) => {
    const chat = answerAsChat(search, q, vocab);
    io.out(json ? `${JSON.stringify(toJson(chat))}\n` : `${readable(chat)}\n`);
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
