import fs from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import pkg from '../../package.json';

const root = path.resolve(__dirname, '../..');
/** What `npm start` runs after `npm ci --omit=dev`: the prestart index check and the server. */
const ENTRY_POINTS = ['scripts/kbBuild.ts', 'src/server.ts'];
const IMPORT = /(?:\bfrom\s+|\bimport\s+|\brequire(?:\.resolve)?\()\s*['"]([^'"]+)['"]/g;

/** Every module the entry points reach, following relative imports (type-only imports included: harmless). */
function reachable(): { files: string[]; packages: Map<string, string> } {
  const files: string[] = [];
  const packages = new Map<string, string>();
  const todo = ENTRY_POINTS.map((f) => path.join(root, f));
  while (todo.length) {
    const file = todo.pop()!;
    if (files.includes(file)) continue;
    files.push(file);
    for (const [, spec] of fs.readFileSync(file, 'utf8').matchAll(IMPORT)) {
      if (spec.startsWith('.')) {
        const base = path.resolve(path.dirname(file), spec);
        const resolved = [`${base}.ts`, path.join(base, 'index.ts')].find((f) => fs.existsSync(f));
        if (resolved) todo.push(resolved);
        else if (!fs.existsSync(base)) throw new Error(`${path.relative(root, file)}: cannot resolve ${spec}`);
      } else {
        const name = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0];
        if (!packages.has(name)) packages.set(name, path.relative(root, file));
      }
    }
  }
  return { files, packages };
}

describe('production install (npm run build, then npm ci --omit=dev)', () => {
  it('the server and the index build import only dependencies, never a devDependency', () => {
    const { files, packages } = reachable();
    expect(files.length).toBeGreaterThan(20);
    const builtins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
    const wrong = [...packages].filter(([name]) => !builtins.has(name) && !(name in pkg.dependencies));
    expect(wrong).toEqual([]);
    expect(packages.has('botbuilder')).toBe(true);
  });
});
