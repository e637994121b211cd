import { buildKnowledge, isStale, readIndex, writeIndex, type BuildOptions } from './build';
import { loadLexicon } from './lexicon';
import { defaultIndexPath } from './paths';
import { KnowledgeSearch } from './search';

/** Loads the search over the index file, rebuilding the file first if it is missing or stale. */
export function loadSearch(indexPath = defaultIndexPath, options: BuildOptions = {}): KnowledgeSearch {
  if (isStale(indexPath, options)) writeIndex(buildKnowledge(options), indexPath);
  return new KnowledgeSearch(readIndex(indexPath), loadLexicon(), options);
}
