import fs from 'node:fs';
import path from 'node:path';
import { zipSync, type Zippable } from 'fflate';
import { fillTemplate, findProjectRoot, loadEnvironment, resolveSettings, type Env, type Problem } from './settings';
import { formatProblem, validateAppPackage } from './validate';

export interface BuildOptions {
  /** Build the example package from .env.example and the documented example bot id and host. */
  example?: boolean;
  /** Environment to use instead of .env + process.env (tests). Ignored with example. */
  env?: Env;
  /** Project root (default: found from this file). */
  root?: string;
  /** Folder with manifest.template.json and the icons (default: <root>/manifest). */
  manifestDir?: string;
  /** Where to write the zip (default: build/appPackage.zip, with example build/appPackage.example.zip). */
  outFile?: string;
}

export interface BuildResult {
  ok: boolean;
  problems: string[];
  warnings: string[];
  /** The filled manifest (also when there are problems, if the template could be read). */
  manifest?: unknown;
  /** Path of the written zip; undefined when there were problems. */
  zipPath?: string;
  /** A zip from an earlier run at outFile that was removed because this run failed. */
  removedStale?: string;
}

export function defaultOutFile(root: string, example: boolean): string {
  return path.join(root, 'build', example ? 'appPackage.example.zip' : 'appPackage.zip');
}

/** Settings problems first; a later problem about a field (or a part of it) already named is left out. */
function merge(first: Problem[], second: Problem[], covered: string[] = []): string[] {
  const out: string[] = [];
  const paths = [...covered, ...first.map((p) => p.path)];
  const isCovered = (path: string) => paths.some((r) => path === r || path.startsWith(`${r}.`) || path.startsWith(`${r}[`));
  for (const p of [...first, ...second.filter((p) => !isCovered(p.path))]) {
    const line = formatProblem(p);
    if (!out.includes(line)) out.push(line);
  }
  return out;
}

/**
 * Fills manifest/manifest.template.json from the environment, validates manifest and icons offline and writes the
 * Teams app package (manifest.json, color.png, outline.png at the zip root). With any problem no zip is written
 * (and an older zip at the same place is removed, so it cannot be uploaded by mistake).
 */
export async function buildAppPackage(opts: BuildOptions = {}): Promise<BuildResult> {
  const root = opts.root ?? findProjectRoot();
  const example = opts.example ?? false;
  const manifestDir = opts.manifestDir ?? path.join(root, 'manifest');
  const outFile = opts.outFile ?? defaultOutFile(root, example);

  const env = loadEnvironment({ example, root, env: opts.env });
  const settings = resolveSettings(env, { example });

  const fail = (problems: string[], manifest?: unknown): BuildResult => {
    let removedStale: string | undefined;
    if (fs.existsSync(outFile)) {
      fs.rmSync(outFile);
      removedStale = outFile;
    }
    return { ok: false, problems, warnings: settings.warnings.map(formatProblem), manifest, removedStale };
  };

  const templateFile = path.join(manifestDir, 'manifest.template.json');
  let manifest: unknown;
  try {
    manifest = fillTemplate(fs.readFileSync(templateFile, 'utf8'), settings.values);
  } catch (err) {
    return fail([`${path.relative(root, templateFile)}: nicht lesbar oder kein gültiges JSON (${(err as Error).message})`]);
  }

  const icons = (manifest as { icons?: Record<string, unknown> }).icons ?? {};
  const files: Record<string, Buffer | undefined> = {};
  for (const name of Object.values(icons)) {
    if (typeof name !== 'string' || name.includes('/') || name.includes('\\')) continue;
    const file = path.join(manifestDir, name);
    if (fs.existsSync(file)) files[name] = fs.readFileSync(file);
  }

  const result = await validateAppPackage(manifest, files);
  const problems = merge(settings.problems, result.problems, settings.covered);
  const warnings = merge(settings.warnings, result.warnings);
  if (problems.length > 0) return { ...fail(problems, manifest), warnings };

  // PNG files are compressed already: stored. A fixed date (local time, as ZIP stores it) keeps the bytes reproducible.
  const entries: Zippable = { 'manifest.json': [Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8'), { level: 9 }] };
  for (const [name, data] of Object.entries(files)) if (data) entries[name] = [data, { level: 0 }];
  fs.mkdirSync(path.dirname(outFile), { recursive: true });
  fs.writeFileSync(outFile, zipSync(entries, { mtime: new Date(1980, 0, 1) }));
  return { ok: true, problems: [], warnings, manifest, zipPath: outFile };
}
