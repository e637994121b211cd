import fs from 'node:fs';
import path from 'node:path';
import { cachedDerivation, derivationKey } from './derivedCache';
import { fold } from './normalize';
import { projectRoot } from './paths';

/** How an ordinary word is known: a noun (capitalised in the dictionary) or any other word. */
export type WordKind = 'noun' | 'word';

const INFLECTIONS = ['esten', 'sten', 'ten', 'tet', 'est', 'end', 'ern', 'em', 'en', 'er', 'es', 'et', 'st', 'te', 'e', 'n', 's', 't'];
/** Endings only verbs take: a word that reaches a noun only through one is that noun's verb ("kriegt" is no "Krieg"). */
const VERB_ENDINGS = new Set(['esten', 'sten', 'ten', 'tet', 'est', 'end', 'et', 'st', 'te', 't']);
const ENDINGS = ['', 'en', 'n', 'e'];
const MIN_PART = 3;

/**
 * Ordinary German words, from the Hunspell de_DE word list (dictionary-de): tells a word the sources do not
 * use but any German speaker does ("trotzdem", "Kita", "Restaurantküche") from a word unlike any word
 * (a typo, a name). Reading the stems only (no affix expansion, ~50 k entries) keeps loading to tens of
 * milliseconds; inflections are undone by stripping common endings, compounds by splitting into two
 * known parts.
 */
export class KnownWords {
  private readonly kinds = new Map<string, WordKind>();
  /** The first three letters of every word: a compound's head can only start with one of them. */
  private readonly starts = new Set<string>();

  constructor(entries: Iterable<[string, WordKind]>) {
    for (const [word, kind] of entries) if (!this.kinds.has(word) || kind === 'noun') this.kinds.set(word, kind);
    for (const word of this.kinds.keys()) if (word.length >= MIN_PART) this.starts.add(word.slice(0, MIN_PART));
  }

  /** Reads a Hunspell .dic file: one "word/FLAGS" per line after the count line; tabs start comments. */
  static fromHunspell(dicText: string): KnownWords {
    const entries: Array<[string, WordKind]> = [];
    for (const line of dicText.split('\n')) {
      if (!line || line.startsWith('\t') || /^\d+$/.test(line)) continue;
      const word = line.split('/')[0].trim();
      if (word.length < 2 || /[^\p{L}-]/u.test(word)) continue;
      const first = word[0];
      entries.push([fold(word), first !== first.toLowerCase() ? 'noun' : 'word']);
    }
    return new KnownWords(entries);
  }

  get size(): number {
    return this.kinds.size;
  }

  private exact(word: string, participles = true): WordKind | undefined {
    const direct = this.kinds.get(word);
    if (direct) return direct;
    for (const suffix of INFLECTIONS) {
      if (!word.endsWith(suffix) || word.length - suffix.length < MIN_PART) continue;
      const base = word.slice(0, -suffix.length);
      for (const ending of ENDINGS) {
        const kind = this.kinds.get(base + ending);
        if (kind) return VERB_ENDINGS.has(suffix) && !ending ? 'word' : kind;
      }
    }
    // Participles: ge-…-t / ge-…-en ("gezahlt" → "zahlen"), also after a separable prefix ("abgenommen").
    const ge = participles ? word.indexOf('ge') : -1;
    if (ge >= 0 && ge <= 4 && word.length > ge + 5) {
      const rest = word.slice(0, ge) + word.slice(ge + 2);
      if (rest !== word) for (const ending of ['en', 'n', '']) if (this.kinds.get(rest.replace(/(t|en)$/, '') + ending)) return 'word';
    }
    return undefined;
  }

  /** A compound's head that is a verb and a noun's plural ("fragen" of "Steuerfragen"): as a head, the noun. */
  private pluralOfNoun(word: string): boolean {
    return ['en', 'n', 'e', 's'].some((ending) => word.endsWith(ending) && this.kinds.get(word.slice(0, -ending.length)) === 'noun');
  }

  /** Whether the word is listed, maybe inflected, but not as a compound of listed words (a rewrite must land on one). */
  isWord(word: string): boolean {
    return this.exact(fold(word)) !== undefined;
  }

  /** The kind of a folded word, or undefined when it is not an ordinary German word. */
  kind(word: string): WordKind | undefined {
    const w = fold(word);
    const known = this.exact(w);
    if (known) return known;
    // Compounds: head (last part) decides the kind; a linking s between the parts is allowed.
    // The head is a word of its own, never a participle; a short head only as listed, never by stripping an
    // ending ("Bürger-amt", not "Bürge-ramt"), and a three-letter one only as a noun ("Jugendamt").
    for (let i = MIN_PART; i <= w.length - 3; i++) {
      // Every word a head is looked up as (itself, or its base of at least MIN_PART letters plus an ending)
      // starts with the head's first MIN_PART letters: without a word starting so, there is no head here.
      if (!this.starts.has(w.substr(i, MIN_PART))) continue;
      const part = w.slice(i);
      const listed = this.kinds.get(part);
      const head = part.length >= 5 ? this.exact(part, false) : part.length === 4 || listed === 'noun' ? listed : undefined;
      if (!head) continue;
      const modifier = w.slice(0, i);
      if (this.kinds.has(modifier) || (modifier.endsWith('s') && this.kinds.has(modifier.slice(0, -1))) || this.exact(modifier))
        return head === 'word' && this.pluralOfNoun(part) ? 'noun' : head;
    }
    return undefined;
  }

  /** One line per word, "n" or "w" then the folded word: the compact cache germanWords() reads back. */
  serialize(): string {
    return [...this.kinds].map(([word, kind]) => `${kind === 'noun' ? 'n' : 'w'}${word}`).join('\n');
  }

  static deserialize(text: string): KnownWords {
    return new KnownWords(
      text
        .split('\n')
        .filter(Boolean)
        .map((line): [string, WordKind] => [line.slice(1), line[0] === 'n' ? 'noun' : 'word']),
    );
  }
}

let shared: KnownWords | undefined;

/**
 * The Hunspell German word list of the installed dictionary-de, read once. Folding 75 k dictionary lines
 * costs about a second, so the folded list is cached beside the index (build/known-words.txt), keyed by the
 * dictionary and the folding code; reading the cache takes a few tens of milliseconds.
 */
export function germanWords(cacheFile = path.join(projectRoot, 'build', 'known-words.txt')): KnownWords {
  if (shared) return shared;
  // dictionary-de is ESM-only; its word list is read by path, never imported.
  const dic = fs.readFileSync(path.join(path.dirname(require.resolve('dictionary-de')), 'index.dic'), 'utf8');
  shared = cachedDerivation(
    cacheFile,
    derivationKey(dic, fs.readFileSync(require.resolve('./normalize'))),
    () => KnownWords.fromHunspell(dic),
    (words) => words.serialize(),
    KnownWords.deserialize,
  );
  return shared;
}
