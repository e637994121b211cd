import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEFAULT_EVAL_FILES, evaluateFiles, formatReport, main, readCases } from '../../scripts/evalCli';
import { runCli } from '../helpers/cli';
import { realSearch } from '../helpers/knowledge';

const root = path.resolve(__dirname, '../..');
const SUMMARY = /^(\S+): cases=(\d+) hit@1=(\d\.\d{3}) hit@3=(\d\.\d{3}) mrr=(\d\.\d{3})$/;
const MISS = /^ {2}miss rank=(\d+|-) q=(".*") top=\[(.*)\]$/;

describe('npm run eval (CLI contract, scripts/evalCli.ts main in-process)', () => {
  it('prints a summary per question file, its misses indented below, and an overall line', async () => {
    const { code, out } = await runCli(main, []);
    expect(code).toBe(0);
    const lines = out.trimEnd().split('\n');
    const summaries = lines.filter((l) => SUMMARY.test(l)).map((l) => SUMMARY.exec(l)!);
    expect(summaries.map((m) => m[1])).toEqual([...DEFAULT_EVAL_FILES, 'overall']);
    expect(lines[lines.length - 1]).toMatch(/^overall: /);
    for (const line of lines) expect(SUMMARY.test(line) || MISS.test(line)).toBe(true);
    for (const m of summaries) {
      const [hit1, hit3, mrr] = [Number(m[3]), Number(m[4]), Number(m[5])];
      expect(hit1).toBeLessThanOrEqual(hit3);
      expect(mrr).toBeGreaterThanOrEqual(hit1 - 0.0005);
      expect(mrr).toBeLessThanOrEqual(hit3 + (1 - hit3) / 4 + 0.0005);
    }
    const counts = summaries.map((m) => Number(m[2]));
    expect(counts[counts.length - 1]).toBe(counts.slice(0, -1).reduce((a, b) => a + b, 0));
    for (const line of lines.filter((l) => MISS.test(l))) expect(() => JSON.parse(MISS.exec(line)![2])).not.toThrow();
  });

  it('--json prints one object with the per-file and overall reports', async () => {
    const { code, out } = await runCli(main, ['--json', path.join(root, 'test/eval/own-questions.json')]);
    expect(code).toBe(0);
    const parsed = JSON.parse(out);
    expect(parsed.files).toHaveLength(1);
    expect(parsed.files[0].file).toBe('test/eval/own-questions.json');
    expect(Object.keys(parsed.overall).sort()).toEqual(['cases', 'hitAt1', 'hitAt3', 'misses', 'mrr']);
  });
});

describe('eval files and report', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'lotse-eval-'));
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('every case file in test/eval has the documented format', () => {
    for (const file of DEFAULT_EVAL_FILES) expect(readCases(path.join(root, file)).length).toBeGreaterThan(0);
    expect(readCases(path.join(root, 'test/eval/own-questions.json')).length).toBeGreaterThanOrEqual(20);
  });

  it('rejects a case without expectations, naming the file', () => {
    const bad = path.join(tmp, 'bad.json');
    fs.writeFileSync(bad, JSON.stringify({ cases: [{ q: 'Frage', expect: [] }] }));
    expect(() => readCases(bad)).toThrow(/bad\.json/);
  });

  it('pools all cases for the overall figures and lists each miss with its rank', () => {
    const a = path.join(tmp, 'a.json');
    const b = path.join(tmp, 'b.json');
    fs.writeFileSync(a, JSON.stringify({ cases: [{ q: 'Kooperationsvereinbarung Sachsen-Anhalt', expect: [['Sachsen-Anhalt']] }] }));
    fs.writeFileSync(b, JSON.stringify({ cases: [{ q: 'Marmorkuchen backen', expect: [['Marmorkuchen']] }] }));
    const result = evaluateFiles(realSearch(), [a, b]);
    expect(result.files.map((f) => [f.cases, f.hitAt1])).toEqual([
      [1, 1],
      [1, 0],
    ]);
    expect(result.overall).toMatchObject({ cases: 2, hitAt1: 0.5, hitAt3: 0.5, mrr: 0.5 });
    const text = formatReport(result);
    expect(text).toContain('cases=2 hit@1=0.500 hit@3=0.500 mrr=0.500');
    expect(text).toMatch(/ {2}miss rank=- q="Marmorkuchen backen" top=\[/);
  });
});
