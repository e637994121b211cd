import { buildKnowledge, isStale, readIndex, writeIndex, type BuildOptions } from './build';
import { loadLexicon } from './lexicon';
import { defaultIndexPath } from './paths';
import { knowledgeProviders } from './providers';
import { KnowledgeSearch } from './search';

/** Loads the search over the index file, rebuilding the file first if it is missing or stale. */
export function loadSearch(indexPath = defaultIndexPath, options: BuildOptions = {}): KnowledgeSearch {
  if (isStale(indexPath, options)) writeIndex(buildKnowledge(options), indexPath);
  return new KnowledgeSearch(readIndex(indexPath), loadLexicon());
}

/** For command-line tools: the default search with its checklist passages, or undefined after a clear message. */
export function loadSearchForCli(): KnowledgeSearch | undefined {
  try {
    return loadSearch(defaultIndexPath, { providers: knowledgeProviders() });
  } catch (err) {
    console.error(`Wissensbasis nicht ladbar: ${(err as Error).message}`);
    return undefined;
  }
}
