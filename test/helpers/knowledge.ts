import { buildKnowledge, readIndex } from '../../knowledge/build';
import { loadLexicon } from '../../knowledge/lexicon';
import { knowledgeBase } from '../../dialogs/knowledgeBase';
import { KnowledgeSearch } from '../../knowledge/search';

let cached: KnowledgeSearch | undefined;

/**
 * The real knowledge base: the index test/globalSetup.ts built for this run, or (a single file run by an
 * editor without the setup) built in memory; once per test file, no checkout file touched.
 */
export function realSearch(): KnowledgeSearch {
  const prebuilt = process.env.LOTSE_TEST_INDEX;
  const base = knowledgeBase();
  cached ??= new KnowledgeSearch(prebuilt ? readIndex(prebuilt) : buildKnowledge(base), loadLexicon(), base);
  return cached;
}
