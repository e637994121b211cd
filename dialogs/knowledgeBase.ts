import type { BuildOptions } from '../knowledge/build';
import { checklistProvider } from './checklistPassages';
import { directoryProvider } from './directoryPassages';

/**
 * What the knowledge index is built from beyond knowledge/sources: the checklist steps, so law questions find
 * them, and the directory of counselling centres, so names like "KOOFRA" find their Land. Called once by each program's composition root (src/app.ts, each CLI in scripts/, bench, test helpers).
 */
export function knowledgeBase(): Required<Pick<BuildOptions, 'providers'>> {
  return { providers: [checklistProvider(), directoryProvider()] };
}
