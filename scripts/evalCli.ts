import fs from 'node:fs';
import path from 'node:path';
import { evaluate, type EvalCase, type EvalReport } from '../knowledge/evaluate';
import { projectRoot } from '../knowledge/paths';
import type { KnowledgeSearch } from '../knowledge/search';
import { loadCliSearch, processIo, runIfMain, type CliIo } from './cli';

/** The question files `npm run eval` checks when none are named: the public set and our own cases. */
export const DEFAULT_EVAL_FILES = ['test/eval/questions.json', 'test/eval/own-questions.json'];

export interface FileReport extends EvalReport {
  file: string;
}

export function readCases(file: string): EvalCase[] {
  const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as { cases?: unknown };
  const cases = parsed.cases;
  const valid =
    Array.isArray(cases) &&
    cases.every(
      (c) =>
        c && typeof c.q === 'string' && Array.isArray(c.expect) && c.expect.length > 0 &&
        c.expect.every((g: unknown) => Array.isArray(g) && g.length > 0 && g.every((p) => typeof p === 'string')),
    );
  if (!valid) throw new Error(`${file}: expected {"cases": [{"q": "…", "expect": [["…"]]}, …]}`);
  return cases as EvalCase[];
}

/** Evaluates every file separately and all cases together (overall = one pool, not a mean of means). */
export function evaluateFiles(search: KnowledgeSearch, files: string[]): { files: FileReport[]; overall: EvalReport } {
  const all: EvalCase[] = [];
  const reports = files.map((file) => {
    const cases = readCases(file);
    all.push(...cases);
    return { file: path.relative(projectRoot, path.resolve(file)) || file, ...evaluate(search, cases) };
  });
  return { files: reports, overall: evaluate(search, all) };
}

const f3 = (x: number) => x.toFixed(3);

/** Readable report: one summary line per file, its misses indented below, then the overall line. */
export function formatReport(result: { files: FileReport[]; overall: EvalReport }): string {
  const lines: string[] = [];
  const summary = (r: EvalReport) => `cases=${r.cases} hit@1=${f3(r.hitAt1)} hit@3=${f3(r.hitAt3)} mrr=${f3(r.mrr)}`;
  for (const r of result.files) {
    lines.push(`${r.file}: ${summary(r)}`);
    for (const m of r.misses) {
      lines.push(`  miss rank=${m.rank ?? '-'} q=${JSON.stringify(m.q)} top=[${m.top.join(', ')}]`);
    }
  }
  lines.push(`overall: ${summary(result.overall)}`);
  return `${lines.join('\n')}\n`;
}

/** npm run eval [-- --json] [FILE …] */
export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  const json = argv.includes('--json');
  const named = argv.filter((a) => !a.startsWith('--'));
  const files = (named.length ? named : DEFAULT_EVAL_FILES.map((f) => path.join(projectRoot, f))).map((f) => path.resolve(f));
  const search = loadCliSearch(io);
  if (!search) return 1;
  try {
    const result = evaluateFiles(search, files);
    io.out(json ? `${JSON.stringify(result)}\n` : formatReport(result));
    return 0;
  } catch (err) {
    io.err(`${(err as Error).message}\n`);
    return 1;
  }
}

runIfMain(module, main);
