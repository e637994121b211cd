import { buildKnowledge } from '../../knowledge/build';
import { loadLexicon } from '../../knowledge/lexicon';
import { knowledgeBase } from '../../dialogs/knowledgeBase';
import { KnowledgeSearch } from '../../knowledge/search';

let cached: KnowledgeSearch | undefined;

/** The real knowledge base, built in memory once per test file (no index file touched). */
export function realSearch(): KnowledgeSearch {
  cached ??= new KnowledgeSearch(buildKnowledge(knowledgeBase()), loadLexicon());
  return cached;
}
