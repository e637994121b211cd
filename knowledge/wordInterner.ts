import os from 'node:os';
import { IntList } from './intList';
import { words } from './normalize';

const LITTLE_ENDIAN = os.endianness() === 'LE';
const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;
/** Marks a character that ends a token. */
const SEPARATOR = -1;

/**
 * What fold() makes of each character below U+0100 it can fold without Unicode tables: 0 = not such a character,
 * SEPARATOR = not a letter or digit, else the folded letter (or two letters, high and low 16 bits).
 */
const FOLD = (() => {
  const table = new Int32Array(0x100);
  for (let c = 0x20; c < 0x80; c++) table[c] = SEPARATOR;
  for (const c of [0x09, 0x0a, 0x0d]) table[c] = SEPARATOR;
  for (let c = 0xa0; c <= 0xbf; c++) table[c] = SEPARATOR;
  table[0xd7] = table[0xf7] = SEPARATOR;
  for (let c = 0x30; c <= 0x39; c++) table[c] = c;
  for (let c = 0x61; c <= 0x7a; c++) table[c] = c;
  for (let c = 0x41; c <= 0x5a; c++) table[c] = c + 0x20;
  const pair = (s: string) => (s.charCodeAt(0) << 16) | s.charCodeAt(1);
  table[0xe4] = table[0xc4] = pair('ae');
  table[0xf6] = table[0xd6] = pair('oe');
  table[0xfc] = table[0xdc] = pair('ue');
  table[0xdf] = pair('ss');
  return table;
})();

/**
 * words() for the index build, numbering each distinct token instead of returning strings: the build meets
 * about a hundred thousand tokens per megabyte of text but only a few thousand distinct ones, and a string plus a
 * Map lookup per token was most of its time.
 *
 * It is the same tokenizer, not a second one: text made only of characters whose folding needs no Unicode
 * tables (ASCII, äöüß and their capitals, the punctuation fold() leaves alone) is folded and split here in one
 * pass over its char codes — exactly what fold() and words() do to such text (test/knowledge/wordInterner.test.ts
 * proves it for every character and for random text); any other text goes through words() itself.
 */
export interface WordInterner {
  /** The distinct tokens, by number. */
  readonly tokens: string[];
  /** Appends the numbers of words(text)'s tokens to `out`; returns how many. */
  addWords(text: string, out: IntList): number;
  /** The fast path alone, for the test that proves it equal to words(): false when `text` needs words(). */
  addPlainWords(text: string, out: IntList): boolean;
}

export function createWordInterner(): WordInterner {
  // Written as one closure over local typed arrays: the same code as a class ran several times slower in V8.
  const tokens: string[] = [];
  /** Open addressing, at most half full: slot → token number + 1 (0 = empty). */
  let slots = new Int32Array(1 << 12);
  /** Every token's folded char codes, one after the other: token t's from start[t], size[t] of them. */
  let chars = new Uint16Array(1 << 16);
  let charsUsed = 0;
  let start = new Int32Array(1 << 11);
  let size = new Int32Array(1 << 11);
  let hash = new Int32Array(1 << 11);
  /** The token being read, folded. */
  let buffer: Uint16Array = new Uint16Array(256);

  /** The text's UTF-16 code units, copied by Buffer.write (native): charCodeAt() per character cost far more here. */
  let codes = Buffer.alloc(1 << 14);

  /** The fast path; false (output partly written) when the text has a character only words() can fold. */
  function addPlain(text: string, out: IntList): boolean {
    if (!LITTLE_ENDIAN) return false;
    // A folded token is at most twice as long as the text. The buffers sit in constant locals and never grow inside
    // the loop: a reassignable buffer there (a closure variable, or a local the loop may replace) made V8's code for
    // this loop several times slower.
    const word = 2 * text.length + 2 > buffer.length ? growBuffer(2 * text.length + 2) : buffer;
    if (2 * text.length > codes.length) codes = Buffer.alloc(Math.max(2 * text.length, 2 * codes.length));
    const length = codes.write(text, 'utf16le') / 2;
    const units = new Uint16Array(codes.buffer, codes.byteOffset, length);
    let n = 0;
    let h = FNV_OFFSET;
    for (let i = 0; i <= length; i++) {
      const c = i < length ? units[i] : 32;
      const folded = c < 0x100 ? FOLD[c] : 0;
      if (folded > 0) {
        if (folded < 0x10000) {
          word[n++] = folded;
          h = Math.imul(h ^ folded, FNV_PRIME);
        } else {
          // An umlaut or ß: two letters.
          word[n++] = folded >>> 16;
          word[n++] = folded & 0xffff;
          h = Math.imul(Math.imul(h ^ (folded >>> 16), FNV_PRIME) ^ (folded & 0xffff), FNV_PRIME);
        }
      } else if (folded === SEPARATOR || (c >= 0x2002 && c <= 0x206f) || (c >= 0x20a0 && c <= 0x20cf)) {
        // Single letters carry no meaning; single digits do (as in words()).
        if (n >= 2 || (n === 1 && word[0] <= 0x39)) out.push(intern(word, n, h));
        n = 0;
        h = FNV_OFFSET;
      } else {
        return false;
      }
    }
    return true;
  }

  /** The number of the token in token[0 .. n - 1] (h: its FNV-1a hash), numbering it if it is new. */
  function intern(token: Uint16Array, n: number, h: number, text?: string): number {
    const table = slots;
    const hashes = hash;
    const sizes = size;
    const starts = start;
    const known = chars;
    const mask = table.length - 1;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const entry = table[slot];
      if (entry === 0) return add(token, n, h, slot, text);
      const t = entry - 1;
      if (hashes[t] === h && sizes[t] === n && sameChars(known, starts[t], token, n)) return t;
    }
  }

  function add(word: Uint16Array, n: number, h: number, slot: number, text?: string): number {
    const t = tokens.length;
    if (charsUsed + n > chars.length) chars = grown(chars, charsUsed + n);
    if (t === start.length) [start, size, hash] = [grown(start, t + 1), grown(size, t + 1), grown(hash, t + 1)];
    const token = word.subarray(0, n);
    chars.set(token, charsUsed);
    start[t] = charsUsed;
    size[t] = n;
    hash[t] = h;
    charsUsed += n;
    tokens.push(text ?? asciiString(token));
    slots[slot] = t + 1;
    if (2 * tokens.length > slots.length) rehash();
    return t;
  }

  function rehash(): void {
    slots = new Int32Array(slots.length * 2);
    const mask = slots.length - 1;
    for (let t = 0; t < tokens.length; t++) {
      let slot = hash[t] & mask;
      while (slots[slot] !== 0) slot = (slot + 1) & mask;
      slots[slot] = t + 1;
    }
  }

  function growBuffer(n: number): Uint16Array {
    return (buffer = grown(buffer, n));
  }

  return {
    tokens,
    addPlainWords: addPlain,
    addWords(text, out) {
      const before = out.length;
      if (!addPlain(text, out)) {
        out.length = before;
        for (const token of words(text)) {
          if (token.length > buffer.length) growBuffer(token.length);
          let h = FNV_OFFSET;
          for (let i = 0; i < token.length; i++) {
            buffer[i] = token.charCodeAt(i);
            h = Math.imul(h ^ buffer[i], FNV_PRIME);
          }
          out.push(intern(buffer, token.length, h, token));
        }
      }
      return out.length - before;
    },
  };
}

/** A fast-path token (letters a-z and digits only) as a string; Buffer's latin1 decoding beat String.fromCharCode(). */
function asciiString(token: Uint16Array): string {
  if (token.length > ascii.length) ascii = Buffer.alloc(Math.max(token.length, 2 * ascii.length));
  for (let i = 0; i < token.length; i++) ascii[i] = token[i];
  return ascii.toString('latin1', 0, token.length);
}
let ascii = Buffer.alloc(256);

function sameChars(known: Uint16Array, at: number, token: Uint16Array, n: number): boolean {
  for (let i = 0; i < n; i++) if (known[at + i] !== token[i]) return false;
  return true;
}

/** A copy of `array` with room for at least `n` elements (at least twice as many). */
function grown<T extends Uint16Array | Int32Array>(array: T, n: number): T {
  const copy = new (array.constructor as new (length: number) => T)(Math.max(n, array.length * 2));
  copy.set(array);
  return copy;
}
