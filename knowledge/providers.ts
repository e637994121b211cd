import { checklistProvider } from '../dialogs/checklistPassages';
import type { PassageProvider } from './build';

/** Passage sources beyond knowledge/sources: the checklist steps, so law questions find them. */
export function knowledgeProviders(): PassageProvider[] {
  return [checklistProvider()];
}
