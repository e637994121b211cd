import fs from 'node:fs';
import path from 'node:path';

/** The project root, found from this file whether it runs as TypeScript or from dist/. */
function findRoot(start: string): string {
  let dir = start;
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`package.json not found above ${start}`);
    dir = parent;
  }
  return dir;
}

export const projectRoot = findRoot(__dirname);
export const sourcesDir = path.join(projectRoot, 'knowledge', 'sources');
export const lexiconDir = path.join(projectRoot, 'knowledge', 'lexicon');
export const checklistsDir = path.join(projectRoot, 'dialogs', 'checklists');
export const defaultIndexPath = path.join(projectRoot, 'build', 'knowledge-index.json');
