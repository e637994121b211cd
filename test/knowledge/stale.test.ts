import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildKnowledge, indexInputs, isStale, writeIndex } from '../../knowledge/build';
import { projectRoot } from '../../knowledge/paths';
import { knowledgeBase } from '../../dialogs/knowledgeBase';

const options = knowledgeBase();
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'lotse-stale-'));
const indexPath = path.join(tmp, 'index.json');
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** Sets a file's mtime for the duration of `check` and puts the original back, so the checkout is unchanged. */
function touched(file: string, mtimeMs: number, check: () => void): void {
  const before = fs.statSync(file);
  fs.utimesSync(file, before.atime, new Date(mtimeMs));
  try {
    check();
  } finally {
    fs.utimesSync(file, before.atime, before.mtime);
  }
}

describe('isStale: one decision over every input of the index', () => {
  writeIndex(buildKnowledge(options), indexPath);
  const newest = Math.max(
    ...indexInputs(options)
      .filter((f) => fs.existsSync(f))
      .map((f) => fs.statSync(f).mtimeMs),
  );
  const builtAt = newest + 10_000;
  fs.utimesSync(indexPath, new Date(builtAt), new Date(builtAt));

  it('is false when nothing changed since the build', () => {
    expect(isStale(indexPath, options)).toBe(false);
  });

  it.each([
    ['the code that turns checklist steps into passages', `dialogs/checklistPassages${path.extname(__filename)}`],
    ['the checklist loader', `dialogs/content${path.extname(__filename)}`],
    ['a checklist (provider input)', 'dialogs/checklists/aufenthalt.yaml'],
    ['the contacts (provider input)', 'dialogs/contacts.yaml'],
    ["knowledge/'s own code", `knowledge/chunk${path.extname(__filename)}`],
    ['the lexicon', 'knowledge/lexicon/synonyms.yaml'],
  ])('is true after editing %s', (_what, rel) => {
    touched(path.join(projectRoot, rel), builtAt + 5_000, () => expect(isStale(indexPath, options)).toBe(true));
    expect(isStale(indexPath, options)).toBe(false);
  });

  it('is true for an index of another format', () => {
    const other = path.join(tmp, 'old.json');
    fs.writeFileSync(other, JSON.stringify({ format: 'lotse-index', version: 1 }));
    expect(isStale(other, options)).toBe(true);
  });
});
