import { checklistProvider } from '../dialogs/checklistPassages';
import { directoryProvider } from '../dialogs/directoryPassages';
import type { PassageProvider } from './build';

/** Passage sources beyond knowledge/sources: the checklist steps (law questions find them) and the directory entries. */
export function knowledgeProviders(): PassageProvider[] {
  return [checklistProvider(), directoryProvider()];
}
