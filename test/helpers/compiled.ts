import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '../..');

/**
 * Compiles the project once for this test file into its own folder under build/ (never the checkout's dist/,
 * which a developer's `npm start` runs), for tests whose program starts child processes from compiled code.
 * Inside the checkout, so the compiled code still finds the project root and its content files.
 */
export function compileToTemp(): { dir: string; remove(): void } {
  const dir = path.join(root, 'build', `test-dist-${process.pid}`);
  const tsc = require.resolve('typescript/bin/tsc');
  execFileSync(
    process.execPath,
    [tsc, '-p', path.join(root, 'tsconfig.json'), '--outDir', dir, '--tsBuildInfoFile', path.join(dir, '.tsbuildinfo')],
    {
      cwd: root,
      stdio: 'inherit',
      timeout: 400_000,
    },
  );
  return { dir, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}
