/**
 * For every term, the number of its longest tail that is itself a term ("ausbeutung" in "arbeitsausbeutung"), or
 * -1: only terms of at least 8 letters have one; the tail starts at the 4th letter or later and has at least
 * `minPartLength` letters.
 *
 * Most tails are no term, and a string plus a Map lookup for each was a fifth of the build. So every term's hash
 * (over its letters from the end) sets a bit in a filter first; a tail's hash comes from the one of the tail one
 * letter shorter, and only a tail whose bit is set is sliced and looked up.
 */
export function compoundParts(terms: string[], termIndex: Map<string, number>, minPartLength: number): Int32Array {
  let bits = 1 << 10;
  while (bits < 32 * terms.length) bits *= 2;
  const filter = new Int32Array(bits / 32);
  const mask = bits - 1;
  for (const term of terms) {
    const h = hashFromEnd(term) & mask;
    filter[h >>> 5] |= 1 << (h & 31);
  }
  const partOf = new Int32Array(terms.length).fill(-1);
  let tailHash = new Int32Array(64);
  terms.forEach((term, id) => {
    if (term.length < 8) return;
    if (term.length > tailHash.length) tailHash = new Int32Array(term.length);
    let h = FNV_OFFSET;
    for (let i = term.length - 1; i >= 3; i--) tailHash[i] = h = Math.imul(h ^ term.charCodeAt(i), FNV_PRIME);
    for (let i = 3; i <= term.length - minPartLength; i++) {
      const bit = tailHash[i] & mask;
      if ((filter[bit >>> 5] & (1 << (bit & 31))) === 0) continue;
      const tail = termIndex.get(term.slice(i));
      if (tail !== undefined) {
        partOf[id] = tail;
        break;
      }
    }
  });
  return partOf;
}

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

/** FNV-1a over the letters from the last to the first. */
function hashFromEnd(term: string): number {
  let h = FNV_OFFSET;
  for (let i = term.length - 1; i >= 0; i--) h = Math.imul(h ^ term.charCodeAt(i), FNV_PRIME);
  return h;
}
