import { buildKnowledge, isStale, writeIndex } from '../knowledge/build';
import { defaultIndexPath } from '../knowledge/paths';
import { knowledgeBase } from '../dialogs/knowledgeBase';
import { processIo, runIfMain, type CliIo } from './cli';

/** npm run kb:build [-- --if-stale] [--out FILE] */
export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  const out = argv.includes('--out') ? argv[argv.indexOf('--out') + 1] : (io.indexPath ?? defaultIndexPath);
  const options = knowledgeBase();
  if (argv.includes('--if-stale') && !isStale(out, options)) return 0;
  const started = Date.now();
  try {
    const index = buildKnowledge(options);
    writeIndex(index, out);
    const count = (kind: string) => index.sources.filter((s) => s.kind === kind).length;
    io.out(
      `Wissensbasis gebaut: ${count('document')} Dokumente, ${count('checklist')} Checklisten, ${count('directory')} Verzeichnisseiten, ${index.passages.length} Passagen, ${index.vocab.length} Begriffe → ${out} (${Date.now() - started} ms)\n`,
    );
    return 0;
  } catch (err) {
    io.err(`Wissensbasis NICHT gebaut (die alte Indexdatei bleibt unverändert):\n  ${(err as Error).message}\n`);
    return 1;
  }
}

runIfMain(module, main);
