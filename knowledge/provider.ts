import type { Passage } from './chunk';
import type { IndexedSource } from './indexer';

/**
 * Passages from outside knowledge/sources (the checklist steps, later the directory), supplied by the layer
 * that owns that content. The program's composition root hands the providers to the build and the loader.
 */
export interface PassageProvider {
  /**
   * Every file whose change must rebuild the index: the provider's input files AND the code that turns them
   * into passages (its own module and what it imports from its layer). The only list staleness looks at.
   */
  files(): string[];
  load(): { sources: IndexedSource[]; passages: Passage[] };
}
