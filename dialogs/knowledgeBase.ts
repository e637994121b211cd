import type { BuildOptions } from '../knowledge/build';
import { checklistProvider } from './checklistPassages';
import { directoryProvider } from './directoryPassages';
import { findPlace, loadQueryVocabulary, mayAskForContact, type QueryVocabulary } from './directoryQuery';

/**
 * What the knowledge index is built from beyond knowledge/sources: the checklist steps, so law questions find
 * them, and the directory of counselling centres, so names like "KOOFRA" find their Land. Called once by each program's composition root (src/app.ts, each CLI in scripts/, bench, test helpers).
 */
export function knowledgeBase(): Required<Pick<BuildOptions, 'providers' | 'regionOf' | 'asksForContact'>> {
  let vocab: QueryVocabulary | undefined;
  // The Land a question names, read with the directory's own place names (one list for both).
  const regionOf = (query: string) => findPlace(query, (vocab ??= loadQueryVocabulary())).land;
  // Read with the chat's own contact phrases (dialogs/directoryQuery.yaml), widened to any who/where cue.
  const asksForContact = (query: string) => mayAskForContact(query, (vocab ??= loadQueryVocabulary()));
  return { providers: [checklistProvider(), directoryProvider()], regionOf, asksForContact };
}
