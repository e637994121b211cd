import path from 'node:path';
import YAML from 'yaml';
import { fitCalibration } from './evalFit';
import { formatReport } from './evalFormat';
import { peerRankers } from './evalPeers';
import { DEFAULT_EVAL_FILES, evaluateFiles, readCases } from './evalReport';
import { loadSearchForCli } from './load';
import { projectRoot } from './paths';

/** npm run eval [-- --json] [--peers] [--misses] [--fit-confidence] [FILE …] */
async function main(argv: string[]): Promise<number> {
  const named = argv.filter((a) => !a.startsWith('--'));
  const files = (named.length ? named : DEFAULT_EVAL_FILES.map((f) => path.join(projectRoot, f))).map((f) => path.resolve(f));
  const search = loadSearchForCli();
  if (!search) return 1;
  try {
    const sets = files.map((file) => ({ file: path.relative(projectRoot, file) || file, cases: readCases(file) }));
    if (argv.includes('--fit-confidence')) {
      // Fitted on the tune split only; the holdout split and test/eval stay unseen.
      const tune = sets.flatMap((s) => s.cases.filter((c) => c.split === 'tune'));
      process.stdout.write(YAML.stringify(fitCalibration(search, tune, `${tune.length} tune cases of ${sets.map((s) => s.file).join(', ')}`)));
      return 0;
    }
    const result = await evaluateFiles(search, sets, argv.includes('--peers') ? await peerRankers(search) : []);
    process.stdout.write(argv.includes('--json') ? `${JSON.stringify(result)}\n` : formatReport(result, { misses: argv.includes('--misses') }));
    return 0;
  } catch (err) {
    console.error((err as Error).message);
    return 1;
  }
}

if (require.main === module) main(process.argv.slice(2)).then((code) => (process.exitCode = code));
