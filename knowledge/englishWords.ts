import fs from 'node:fs';
import path from 'node:path';
import { fold } from './normalize';

/** Endings undone to reach a dictionary stem ("documents" → "document", "taken" → "take", "studies" → "study"). */
const SUFFIXES: Array<[string, string]> = [
  ['ies', 'y'],
  ['ied', 'y'],
  ['ing', ''],
  ['ing', 'e'],
  ['es', ''],
  ['ed', ''],
  ['ed', 'e'],
  ['en', ''],
  ['en', 'e'],
  ['er', ''],
  ['ly', ''],
  ["'s", ''],
  ['s', ''],
  ['d', ''],
];

/**
 * Ordinary English words, from the Hunspell en_US word list (dictionary-en): in an English question, a
 * word the sources do not use ("doctor", "tonight") is an ordinary word, not a typo or a name. Stems only
 * (no affix expansion); common endings are undone, a doubled final consonant too ("stopped" → "stop").
 */
export class EnglishWords {
  private readonly words: Set<string>;

  constructor(words: Iterable<string>) {
    this.words = new Set(words);
  }

  static fromHunspell(dicText: string): EnglishWords {
    const out: string[] = [];
    for (const line of dicText.split('\n')) {
      const word = line.split('/')[0].trim();
      if (word.length >= 2 && /^[\p{L}']+$/u.test(word)) out.push(fold(word));
    }
    return new EnglishWords(out);
  }

  get size(): number {
    return this.words.size;
  }

  /** Whether a word (any case) is an ordinary English word or an inflection of one. */
  has(word: string): boolean {
    const w = fold(word);
    if (this.words.has(w)) return true;
    for (const [suffix, replacement] of SUFFIXES) {
      if (!w.endsWith(suffix) || w.length - suffix.length < 2) continue;
      const base = w.slice(0, -suffix.length);
      if (this.words.has(base + replacement)) return true;
      // "stopped" → "stopp" → "stop"
      if (!replacement && base.length >= 3 && base[base.length - 1] === base[base.length - 2] && this.words.has(base.slice(0, -1)))
        return true;
    }
    return false;
  }
}

let shared: EnglishWords | undefined;

/** The installed dictionary-en word list, read once (ESM-only package: read by path, never imported). */
export function englishWords(): EnglishWords {
  shared ??= EnglishWords.fromHunspell(fs.readFileSync(path.join(path.dirname(require.resolve('dictionary-en')), 'index.dic'), 'utf8'));
  return shared;
}
