import path from 'node:path';
import { dump } from 'js-yaml';
import { fitCalibration } from './eval/evalFit';
import { formatReport } from './eval/evalFormat';
import { peerRankers } from './eval/evalPeers';
import { DEFAULT_EVAL_FILES, evaluateFiles, readCases } from './eval/evalReport';
import { projectRoot } from '../knowledge/paths';
import { loadCliSearch, processIo, runIfMain, type CliIo } from './cli';

/** npm run eval [-- --json] [--peers] [--misses] [--fit-confidence] [FILE …] */
export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  const named = argv.filter((a) => !a.startsWith('--'));
  const files = (named.length ? named : DEFAULT_EVAL_FILES.map((f) => path.join(projectRoot, f))).map((f) => path.resolve(f));
  const search = loadCliSearch(io);
  if (!search) return 1;
  try {
    const sets = files.map((file) => ({ file: path.relative(projectRoot, file) || file, cases: readCases(file) }));
    if (argv.includes('--fit-confidence')) {
      // Fitted on the tune split only; the holdout split and test/eval stay unseen.
      const tune = sets.flatMap((s) => s.cases.filter((c) => c.split === 'tune').map((c) => ({ ...c, group: s.file })));
      io.out(dump(fitCalibration(search, tune, `${tune.length} tune cases of ${sets.map((s) => s.file).join(', ')}`)));
      return 0;
    }
    const result = await evaluateFiles(search, sets, argv.includes('--peers') ? await peerRankers(search) : []);
    io.out(argv.includes('--json') ? `${JSON.stringify(result)}\n` : formatReport(result, { misses: argv.includes('--misses') }));
    return 0;
  } catch (err) {
    io.err(`${(err as Error).message}\n`);
    return 1;
  }
}

runIfMain(module, main);
