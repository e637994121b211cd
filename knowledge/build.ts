import fs from 'node:fs';
import path from 'node:path';
import { chunk, type Passage } from './chunk';
import { buildIndex, INDEX_FORMAT, INDEX_VERSION, type IndexedSource, type SerializedIndex } from './indexer';
import { parseSource, SOURCE_EXTENSIONS, SourceError } from './parseSource';
import { defaultIndexPath, lexiconDir, sourcesDir } from './paths';
import type { PassageProvider } from './provider';

export type { PassageProvider } from './provider';

export interface BuildOptions {
  sourceDir?: string;
  providers?: PassageProvider[];
  /** The Land (code) a question names, if any: another Land's directory passage then counts less. */
  regionOf?: RegionOf;
  /**
   * Whether a question asks whom to contact: a directory passage of the Land it names answers nothing else
   * ("Frau aus einem Bordell in Frankfurt, eingesperrt, was tun?" asks for the emergency step, not Hessen's list).
   */
  asksForContact?: (query: string) => boolean;
}

export type RegionOf = (query: string) => string | undefined;

export function sourceFiles(dir = sourcesDir): string[] {
  return fs
    .readdirSync(dir)
    .filter((f) => SOURCE_EXTENSIONS.includes(path.extname(f).toLowerCase()) && !f.startsWith('.') && f.toLowerCase() !== 'readme.md')
    .sort()
    .map((f) => path.join(dir, f));
}

/** Reads and validates every source, chunks it and builds the index in memory (no file written). */
export function buildKnowledge(options: BuildOptions = {}): SerializedIndex {
  const sources: IndexedSource[] = [];
  const passages: Passage[] = [];
  const seen = new Map<string, string>();
  for (const file of sourceFiles(options.sourceDir)) {
    const rel = path.relative(process.cwd(), file);
    const { meta, blocks } = parseSource(rel, fs.readFileSync(file, 'utf8'));
    if (seen.has(meta.id)) throw new SourceError(rel, `id: "${meta.id}" is already used by ${seen.get(meta.id)}`);
    seen.set(meta.id, rel);
    sources.push({ ...meta, kind: 'document' });
    passages.push(...chunk(meta.id, meta.title, blocks));
  }
  for (const provider of options.providers ?? []) {
    const extra = provider.load();
    sources.push(...extra.sources);
    passages.push(...extra.passages);
  }
  return buildIndex(sources, passages);
}

/** Writes the index atomically: a failed build never leaves a half-written file behind. */
export function writeIndex(index: SerializedIndex, outPath = defaultIndexPath): void {
  fs.mkdirSync(path.dirname(outPath), { recursive: true });
  const tmp = `${outPath}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(index));
  fs.renameSync(tmp, outPath);
}

export function readIndex(indexPath = defaultIndexPath): SerializedIndex {
  const index = JSON.parse(fs.readFileSync(indexPath, 'utf8')) as SerializedIndex;
  if (index.format !== INDEX_FORMAT || index.version !== INDEX_VERSION) {
    throw new Error(`${indexPath}: not a knowledge index of version ${INDEX_VERSION}; run npm run kb:build`);
  }
  return index;
}

/**
 * Everything the index is made from: the source folder and files, the lexicon, knowledge/'s own code, and each
 * provider's inputs and code. The one list that decides staleness.
 */
export function indexInputs(options: BuildOptions = {}): string[] {
  const lexicon = fs.readdirSync(lexiconDir).map((f) => path.join(lexiconDir, f));
  const code = fs.readdirSync(__dirname).map((f) => path.join(__dirname, f));
  const dir = options.sourceDir ?? sourcesDir;
  return [dir, ...sourceFiles(dir), ...lexicon, ...code, ...(options.providers ?? []).flatMap((p) => p.files())];
}

/** True when the index is missing, of another format, or older than any of its inputs (see indexInputs). */
export function isStale(indexPath = defaultIndexPath, options: BuildOptions = {}): boolean {
  if (!fs.existsSync(indexPath)) return true;
  const builtAt = fs.statSync(indexPath).mtimeMs;
  try {
    const head = fs.readFileSync(indexPath, 'utf8').slice(0, 120);
    if (!head.includes(`"format":"${INDEX_FORMAT}","version":${INDEX_VERSION}`)) return true;
  } catch {
    return true;
  }
  return indexInputs(options).some((f) => fs.existsSync(f) && fs.statSync(f).mtimeMs > builtAt);
}
