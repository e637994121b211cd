import fs from 'node:fs';
import { readIndex } from '../../knowledge/build';
import { main } from '../../scripts/kbBuild';
import { runCli, testIndexPath } from '../helpers/cli';

describe('npm run kb:build (scripts/kbBuild.ts main in-process)', () => {
  it('builds the index with the documents and the checklist steps, then --if-stale leaves a fresh index alone', async () => {
    const built = await runCli(main, []);
    expect(built.code).toBe(0);
    expect(built.out).toMatch(/^Wissensbasis gebaut: \d+ Dokumente, 6 Checklisten, \d+ Verzeichnisseiten, \d+ Passagen/);
    const index = readIndex(testIndexPath());
    expect(index.sources.filter((s) => s.kind === 'checklist')).toHaveLength(6);
    expect(index.passages.some((p) => p.id.startsWith('checkliste-aufenthalt#'))).toBe(true);
    const mtime = fs.statSync(testIndexPath()).mtimeMs;
    const again = await runCli(main, ['--if-stale']);
    expect(again).toEqual({ code: 0, out: '', err: '' });
    expect(fs.statSync(testIndexPath()).mtimeMs).toBe(mtime);
  });
});
