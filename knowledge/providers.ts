import type { PassageProvider } from './build';

/** Passage sources beyond knowledge/sources; the checklist steps join here once they exist. */
export function knowledgeProviders(): PassageProvider[] {
  return [];
}
