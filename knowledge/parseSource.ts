import path from 'node:path';
import { parseYaml } from './yamlFile';
import { SourceMeta, describeIssue } from './sourceSchema';
import { htmlToBlocks, htmlMeta } from './html';

export type Block = { kind: 'heading'; level: number; text: string } | { kind: 'para'; text: string } | { kind: 'item'; text: string };

export interface ParsedSource {
  meta: SourceMeta;
  blocks: Block[];
}

export class SourceError extends Error {
  constructor(
    readonly file: string,
    detail: string,
  ) {
    super(`${file}: ${detail}`);
  }
}

export const SOURCE_EXTENSIONS = ['.md', '.markdown', '.txt', '.html', '.htm'];

function splitFrontMatter(raw: string): { front: Record<string, unknown> | null; body: string } {
  const text = raw.replace(/^\uFEFF/, '');
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(text);
  if (!match) return { front: null, body: text };
  const front = parseYaml(match[1]) as unknown;
  if (front === null || typeof front !== 'object' || Array.isArray(front)) {
    throw new Error('front matter is not a key: value block');
  }
  return { front: front as Record<string, unknown>, body: text.slice(match[0].length) };
}

/** Markdown and plain text: headings (#), list items (-, *, •) and paragraphs separated by blank lines. */
export function textToBlocks(body: string): Block[] {
  const blocks: Block[] = [];
  let para: string[] = [];
  const flush = () => {
    const text = para.join('\n').trim();
    if (text) blocks.push({ kind: 'para', text });
    para = [];
  };
  for (const rawLine of body.split(/\r?\n/)) {
    const line = rawLine.replace(/\u00a0/g, ' ').trimEnd();
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    const item = /^\s*(?:[-*•]|\d+\.)\s+(.*)$/.exec(line);
    if (heading) {
      flush();
      blocks.push({ kind: 'heading', level: heading[1].length, text: heading[2].trim() });
    } else if (item) {
      flush();
      blocks.push({ kind: 'item', text: item[1].trim() });
    } else if (!line.trim()) {
      flush();
    } else {
      para.push(line.trim());
    }
  }
  flush();
  return blocks;
}

function defaultId(file: string): string {
  return path
    .basename(file, path.extname(file))
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Reads one source file's text into validated metadata and structural blocks. */
export function parseSource(file: string, raw: string): ParsedSource {
  const ext = path.extname(file).toLowerCase();
  let split: ReturnType<typeof splitFrontMatter>;
  try {
    split = splitFrontMatter(raw);
  } catch (err) {
    throw new SourceError(file, `front matter: ${(err as Error).message}`);
  }
  const isHtml = ext === '.html' || ext === '.htm';
  const fields = { ...(isHtml ? htmlMeta(split.body) : {}), ...(split.front ?? {}) };
  if (!split.front && !isHtml) {
    throw new SourceError(file, 'missing front matter (--- block with id, title, publisher, date) at the top of the file');
  }
  if (fields.id === undefined) fields.id = defaultId(file);
  const meta = SourceMeta.safeParse(fields);
  if (!meta.success) throw new SourceError(file, describeIssue(meta.error));
  const blocks = isHtml ? htmlToBlocks(split.body) : textToBlocks(split.body);
  if (!blocks.some((b) => b.kind !== 'heading')) throw new SourceError(file, 'no text after the front matter');
  return { meta: meta.data, blocks };
}
