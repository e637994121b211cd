import { loadSearch } from '../knowledge/load';
import { defaultIndexPath } from '../knowledge/paths';
import type { KnowledgeSearch } from '../knowledge/search';
import { knowledgeBase } from '../dialogs/knowledgeBase';

/** Where a command-line tool reads and writes; tests pass their own to call `main(argv, io)` in-process. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  stdin: NodeJS.ReadableStream;
  /** The knowledge index file the tool reads (default build/knowledge-index.json); tests use a temporary one. */
  indexPath?: string;
}

export const processIo: CliIo = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  stdin: process.stdin,
};

/** Runs a CLI's main when the file is the program (not when a test imports it). */
export function runIfMain(mod: NodeModule, main: (argv: string[], io: CliIo) => Promise<number>): void {
  if (require.main === mod) void main(process.argv.slice(2), processIo).then((code) => (process.exitCode = code));
}

/** For command-line tools: the default search with its checklist passages, or undefined after a clear message. */
export function loadCliSearch(io: CliIo): KnowledgeSearch | undefined {
  try {
    return loadSearch(io.indexPath ?? defaultIndexPath, knowledgeBase());
  } catch (err) {
    io.err(`Wissensbasis nicht ladbar: ${(err as Error).message}\n`);
    return undefined;
  }
}
