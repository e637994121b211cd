import fs from 'node:fs';
import path from 'node:path';

/** The project root (the folder with package.json above `start`), whether the code runs as TypeScript or from dist/. */
export function findProjectRoot(start: string = __dirname): string {
  let dir = start;
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`package.json not found above ${start}`);
    dir = parent;
  }
  return dir;
}

export const projectRoot = findProjectRoot();
export const sourcesDir = path.join(projectRoot, 'knowledge', 'sources');
export const lexiconDir = path.join(projectRoot, 'knowledge', 'lexicon');
export const defaultIndexPath = path.join(projectRoot, 'build', 'knowledge-index.json');
