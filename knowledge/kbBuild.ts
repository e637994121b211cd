import { buildKnowledge, isStale, writeIndex } from './build';
import { defaultIndexPath } from './paths';
import { knowledgeProviders } from './providers';

/** npm run kb:build [-- --if-stale] [--out FILE] */
function main(argv: string[]): number {
  const out = argv.includes('--out') ? argv[argv.indexOf('--out') + 1] : defaultIndexPath;
  const options = { providers: knowledgeProviders() };
  if (argv.includes('--if-stale') && !isStale(out, options)) return 0;
  const started = Date.now();
  try {
    const index = buildKnowledge(options);
    writeIndex(index, out);
    const docs = index.sources.filter((s) => s.kind === 'document').length;
    console.log(`Wissensbasis gebaut: ${docs} Dokumente, ${index.sources.length - docs} Checklisten, ${index.passages.length} Passagen, ${index.vocab.length} Begriffe → ${out} (${Date.now() - started} ms)`);
    return 0;
  } catch (err) {
    console.error(`Wissensbasis NICHT gebaut (die alte Indexdatei bleibt unverändert):\n  ${(err as Error).message}`);
    return 1;
  }
}

process.exitCode = main(process.argv.slice(2));
