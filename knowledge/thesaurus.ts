import fs from 'node:fs';
import path from 'node:path';
import { cachedDerivation, derivationKey } from './derivedCache';
import { stem, words } from './normalize';
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
  /** Every word (stemmed) once, numbered in order of appearance: the numbers index the arrays below. */
  private readonly ids = new Map<string, number>();
  private readonly words: string[];
  /** Per word, its sets: wordSets[wordSetStart[w] .. wordSetStart[w + 1]) (compressed rows; a Map of arrays took 17 MB). */
  private readonly wordSetStart: Int32Array;
  private readonly wordSets: Int32Array;
  /** Per set, its unmarked words: plainWords[plainStart[s] .. plainStart[s + 1]). */
  private readonly plainStart: Int32Array;
  private readonly plainWords: Int32Array;

  /** Sets as lists of stemmed words, marked ones with MARKED_PREFIX. */
  constructor(sets: Iterable<string[]>) {
    const plainWords: number[] = [];
    const plainStart = [0];
    const memberWord: number[] = [];
    const memberSet: number[] = [];
    for (const set of sets) {
      const setId = plainStart.length - 1;
      const members = new Set<number>();
      const plain = new Set<number>();
      for (const entry of set) {
        const marked = entry.startsWith(MARKED_PREFIX);
        const word = marked ? entry.slice(MARKED_PREFIX.length) : entry;
        if (!word) continue;
        let id = this.ids.get(word);
        if (id === undefined) this.ids.set(word, (id = this.ids.size));
        if (!marked && !plain.has(id)) {
          plain.add(id);
          plainWords.push(id);
        }
        if (!members.has(id)) {
          members.add(id);
          memberWord.push(id);
          memberSet.push(setId);
        }
      }
      plainStart.push(plainWords.length);
    }
    this.words = [...this.ids.keys()];
    this.plainStart = Int32Array.from(plainStart);
    this.plainWords = Int32Array.from(plainWords);
    const start = new Int32Array(this.words.length + 1);
    for (const w of memberWord) start[w + 1]++;
    for (let w = 0; w < this.words.length; w++) start[w + 1] += start[w];
    const next = start.slice(0, this.words.length);
    this.wordSets = new Int32Array(memberWord.length);
    for (let k = 0; k < memberWord.length; k++) this.wordSets[next[memberWord[k]]++] = memberSet[k];
    this.wordSetStart = start;
  }

  /** Reads lexicon/thesaurus.txt: one set per line, words separated by ";", "#" starts a comment line. */
  static fromText(text: string): Thesaurus {
    return new Thesaurus(Thesaurus.lines(text).map((line) => line.split(';').map(stemEntry)));
  }

  private static lines(text: string): string[] {
    return text.split('\n').filter((line) => line.trim() && !line.startsWith('#'));
  }

  get size(): number {
    return this.plainStart.length - 1;
  }

  /** The unmarked words (stemmed) of every set a stemmed word belongs to, itself left out. */
  synonyms(stemmed: string): string[] {
    const id = this.ids.get(stemmed);
    if (id === undefined) return [];
    const out = new Set<string>();
    for (let k = this.wordSetStart[id]; k < this.wordSetStart[id + 1]; k++) {
      const set = this.wordSets[k];
      for (let j = this.plainStart[set]; j < this.plainStart[set + 1]; j++)
        if (this.plainWords[j] !== id) out.add(this.words[this.plainWords[j]]);
    }
    return [...out];
  }

  /** The stemmed sets, one per line: the cache germanThesaurus() reads back without stemming again. */
  serialize(): string {
    const sets: string[][] = Array.from({ length: this.size }, () => []);
    for (let w = 0; w < this.words.length; w++) {
      for (let k = this.wordSetStart[w]; k < this.wordSetStart[w + 1]; k++) {
        const set = this.wordSets[k];
        const plain = this.plainWords.subarray(this.plainStart[set], this.plainStart[set + 1]).includes(w);
        sets[set].push(plain ? this.words[w] : MARKED_PREFIX + this.words[w]);
      }
    }
    return sets.map((set) => set.join(';')).join('\n');
  }

  static deserialize(text: string): Thesaurus {
    return new Thesaurus(text.split('\n').map((line) => line.split(';')));
  }
}

/** An entry as the search reads words ("Bude" → "bud"), or "" when it is not one search word (then skipped). */
function stemEntry(entry: string): string {
  const marked = entry.startsWith(MARKED_PREFIX);
  const tokens = words(marked ? entry.slice(MARKED_PREFIX.length) : entry);
  if (tokens.length !== 1) return '';
  return marked ? MARKED_PREFIX + stem(tokens[0]) : stem(tokens[0]);
}

const loaded = new Map<string, Thesaurus>();

/**
 * A thesaurus file (default lexicon/thesaurus.txt), read once per file. Stemming its 25 k sets costs about a
 * quarter of a second, so the stemmed sets are cached beside the index (build/thesaurus-stems.txt), keyed by
 * the thesaurus and the stemmer's code.
 */
export function germanThesaurus(
  file = path.join(lexiconDir, 'thesaurus.txt'),
  cacheFile = path.join(projectRoot, 'build', `${path.basename(file, '.txt')}-stems.txt`),
): Thesaurus {
  const known = loaded.get(file);
  if (known) return known;
  const text = fs.readFileSync(file, 'utf8');
  const thesaurus = cachedDerivation(
    cacheFile,
    derivationKey(text, fs.readFileSync(require.resolve('./normalize'))),
    () => Thesaurus.fromText(text),
    (t) => t.serialize(),
    Thesaurus.deserialize,
  );
  loaded.set(file, thesaurus);
  return thesaurus;
}
