import fs from 'node:fs';
import path from 'node:path';
import { fold, stem } from './normalize';
import { lexiconDir, projectRoot } from './paths';

/** A term with a usage mark in OpenThesaurus ("(ugs.)", "(geh.)", "(veraltet)"): a way users say it, never searched for. */
export const MARKED_PREFIX = '~';

/**
 * German synonym sets (OpenThesaurus, lexicon/thesaurus.txt): for an ordinary word the sources never use
 * ("Bude", "Schiss", "Vormund"), the plain words of its sets that they do ("Unterkunft", "Sorge",
 * "sorgeberechtigt"). A word belongs to several sets when it has several senses; the caller decides how
 * many candidates are still one meaning.
 */
export class Thesaurus {
  /** Per stemmed word, the sets it belongs to. */
  private readonly setsOf = new Map<string, number[]>();
  /** Per set, its unmarked words (stemmed): what a member may be searched as. */
  private readonly plain: string[][] = [];

  /** Sets as lists of stemmed words, marked ones with MARKED_PREFIX. */
  constructor(sets: Iterable<string[]>) {
    for (const set of sets) {
      const id = this.plain.length;
      const plain: string[] = [];
      for (const entry of set) {
        const marked = entry.startsWith(MARKED_PREFIX);
        const word = marked ? entry.slice(MARKED_PREFIX.length) : entry;
        if (!word) continue;
        if (!marked) plain.push(word);
        const list = this.setsOf.get(word);
        if (!list) this.setsOf.set(word, [id]);
        else if (list[list.length - 1] !== id) list.push(id);
      }
      this.plain.push([...new Set(plain)]);
    }
  }

  /** Reads lexicon/thesaurus.txt: one set per line, words separated by ";", "#" starts a comment line. */
  static fromText(text: string): Thesaurus {
    return new Thesaurus(Thesaurus.lines(text).map((line) => line.split(';').map(stemEntry)));
  }

  private static lines(text: string): string[] {
    return text.split('\n').filter((line) => line.trim() && !line.startsWith('#'));
  }

  get size(): number {
    return this.plain.length;
  }

  /** The unmarked words (stemmed) of every set a stemmed word belongs to, itself left out. */
  synonyms(stemmed: string): string[] {
    const out = new Set<string>();
    for (const id of this.setsOf.get(stemmed) ?? []) for (const word of this.plain[id]) if (word !== stemmed) out.add(word);
    return [...out];
  }

  /** The stemmed sets, one per line: the cache germanThesaurus() reads back without stemming again. */
  serialize(): string {
    const sets: string[][] = this.plain.map(() => []);
    for (const [word, ids] of this.setsOf) for (const id of ids) sets[id].push(this.plain[id].includes(word) ? word : MARKED_PREFIX + word);
    return sets.map((set) => set.join(';')).join('\n');
  }

  static deserialize(text: string): Thesaurus {
    return new Thesaurus(text.split('\n').map((line) => line.split(';')));
  }
}

function stemEntry(entry: string): string {
  const marked = entry.startsWith(MARKED_PREFIX);
  const word = stem(fold((marked ? entry.slice(MARKED_PREFIX.length) : entry).trim()));
  return marked ? MARKED_PREFIX + word : word;
}

let shared: Thesaurus | undefined;

/**
 * lexicon/thesaurus.txt, read once. Stemming its 26 k sets costs about a quarter of a second, so the stemmed
 * sets are cached beside the index (build/thesaurus-stems.txt) and rebuilt when the thesaurus is newer.
 */
export function germanThesaurus(
  file = path.join(lexiconDir, 'thesaurus.txt'),
  cacheFile = path.join(projectRoot, 'build', 'thesaurus-stems.txt'),
): Thesaurus {
  if (shared) return shared;
  if (fs.existsSync(cacheFile) && fs.statSync(cacheFile).mtimeMs >= fs.statSync(file).mtimeMs) {
    shared = Thesaurus.deserialize(fs.readFileSync(cacheFile, 'utf8'));
  } else {
    shared = Thesaurus.fromText(fs.readFileSync(file, 'utf8'));
    try {
      fs.mkdirSync(path.dirname(cacheFile), { recursive: true });
      const tmp = `${cacheFile}.${process.pid}.tmp`;
      fs.writeFileSync(tmp, shared.serialize());
      fs.renameSync(tmp, cacheFile);
    } catch {
      // A read-only deployment still works, only slower to start.
    }
  }
  return shared;
}
