import path from 'node:path';
import { DEFAULT_EVAL_FILES, readCases } from '../../scripts/eval/evalReport';
import { main } from '../../scripts/evalCli';
import { runCli } from '../helpers/cli';

const root = path.resolve(__dirname, '../..');
/** scripts/evalCli.ts main in-process; a non-zero exit fails the test with what the CLI said. */
async function eval_(args: string[]): Promise<string> {
  const { code, out, err } = await runCli(main, args);
  expect([code, err]).toEqual([0, '']);
  return out;
}
const ROW = /^ {2}(\S+) +(\d+) +(\d+)( +(\d\.\d{3}|-)){7}$/;

describe('npm run eval (CLI contract)', () => {
  it('prints per file a table of all / split / style / topic, then the pooled figures and the reliability table', async () => {
    const out = await eval_(['--misses', path.join(root, 'test/eval/realistic.json')]);
    const lines = out.split('\n');
    expect(lines[0]).toBe('test/eval/realistic.json');
    expect(lines[1]).toMatch(/^ {2}group +cases unans +hit@1 +hit@3 +mrr +right confwrong declined +auc$/);
    const groups = lines.filter((l) => ROW.test(l)).map((l) => ROW.exec(l)![1]);
    for (const g of [
      'all',
      'split=tune',
      'split=holdout',
      'style=situation',
      'style=colloquial',
      'style=keywords',
      'style=typo',
      'style=english',
      'topic=unanswerable',
    ]) {
      expect(groups).toContain(g);
    }
    expect(out).toMatch(/^overall \(all files pooled\)$/m);
    expect(out).toMatch(/^reliability of the confidence, holdout split/m);
    for (const miss of lines.filter((l) => l.startsWith('  miss ')))
      expect(miss).toMatch(/^ {2}miss rank=(\d|-) answer=(confident|uncertain|none) q=".*" top=\[.*\]$/);
  });

  it('--json prints one object with the file reports, the pooled groups and the reliability rows', async () => {
    const parsed = JSON.parse(await eval_(['--json', path.join(root, 'test/eval/own-questions.json')]));
    expect(parsed.files).toHaveLength(1);
    expect(parsed.files[0].file).toBe('test/eval/own-questions.json');
    expect(Object.keys(parsed.files[0].groups[0]).sort()).toEqual([
      'answerable',
      'auc',
      'cases',
      'confidentlyWrong',
      'declined',
      'group',
      'hitAt1',
      'hitAt3',
      'mrr',
      'right',
      'unanswerable',
    ]);
    expect(parsed.overall[0].group).toBe('all');
    expect(Array.isArray(parsed.reliability.holdout)).toBe(true);
  });

  it('every case file in test/eval has the documented format', () => {
    for (const file of DEFAULT_EVAL_FILES) expect(readCases(path.join(root, file)).length).toBeGreaterThan(0);
    expect(readCases(path.join(root, 'test/eval/own-questions.json')).length).toBeGreaterThanOrEqual(20);
  });
});
