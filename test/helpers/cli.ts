import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import type { CliIo } from '../../scripts/cli';

let tmpDir: string | undefined;

/** A knowledge index file of this test process's own, so no test writes into the checkout's build/. */
export function testIndexPath(): string {
  if (!tmpDir) {
    tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lotse-cli-'));
    const dir = tmpDir;
    process.once('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
  }
  return path.join(tmpDir, 'knowledge-index.json');
}

/** Runs a CLI's `main(argv, io)` in-process and returns its exit code and what it printed. */
export async function runCli(
  main: (argv: string[], io: CliIo) => Promise<number>,
  argv: string[],
  input = '',
): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIo = { out: (t) => void (out += t), err: (t) => void (err += t), stdin: Readable.from([input]), indexPath: testIndexPath() };
  const code = await main(argv, io);
  return { code, out, err };
}
