import os from 'node:os';
import type { Passage } from './chunk';
import { compoundParts } from './compounds';
import { IntList } from './intList';
import { stem } from './normalize';
import type { SourceMeta } from './sourceSchema';
import { createWordInterner } from './wordInterner';

export const INDEX_FORMAT = 'lotse-knowledge-index';
/** 2: postings stored flat and compact (see SerializedPostings); version 1 files are rebuilt automatically. */
export const INDEX_VERSION = 3;

/** Ranking parameters, frozen in one place and stored with the index they were built for. */
export const RANKING = Object.freeze({
  k1: 1.2,
  b: 0.5,
  headingWeight: 2.5,
  questionWeight: 1.5,
  compoundPartWeight: 0.5,
  minPartLength: 5,
});

export interface IndexedSource extends SourceMeta {
  /** "document" for files in knowledge/sources; what a provider adds says what it is ("checklist", "directory"). */
  kind: 'document' | 'checklist' | 'directory';
}

/**
 * The postings of all terms in one compact block. Term t owns the postings after those of terms 0..t-1;
 * each posting is (passage number, BM25 term-frequency impact × 1000, rounded).
 */
export interface SerializedPostings {
  /** Number of postings per term, in vocabulary order. */
  counts: number[];
  /** Passage numbers, ascending within a term, as gaps (the first from 0) in LEB128 varints; base64. */
  passages: string;
  /** Impacts as unsigned 16-bit little-endian integers; base64. */
  impacts: string;
}

export interface SerializedIndex {
  format: typeof INDEX_FORMAT;
  version: typeof INDEX_VERSION;
  builtAt: string;
  ranking: typeof RANKING;
  sources: IndexedSource[];
  passages: Passage[];
  /** Sorted vocabulary of stemmed, folded terms. */
  vocab: string[];
  /** Vocabulary numbers of the terms only alternate questions use (no heading or text has them), ascending. */
  phrasingOnly: number[];
  postings: SerializedPostings;
}

/** Postings in memory: term t's entries are offsets[t] .. offsets[t + 1] - 1 of `passages` and `impacts`. */
export interface Postings {
  offsets: Uint32Array;
  passages: Uint32Array;
  impacts: Uint16Array;
}

/** Packs postings for the index file (see SerializedPostings). */
export function encodePostings(postings: Postings): SerializedPostings {
  const { offsets, passages, impacts } = postings;
  const terms = offsets.length - 1;
  const counts = new Array<number>(terms);
  const bytes = Buffer.allocUnsafe(passages.length * 5);
  let at = 0;
  for (let t = 0; t < terms; t++) {
    counts[t] = offsets[t + 1] - offsets[t];
    let previous = 0;
    for (let k = offsets[t]; k < offsets[t + 1]; k++) {
      let gap = passages[k] - previous;
      previous = passages[k];
      while (gap >= 0x80) {
        bytes[at++] = (gap & 0x7f) | 0x80;
        gap >>>= 7;
      }
      bytes[at++] = gap;
    }
  }
  // On little-endian machines the impacts' memory already is the file's byte order.
  const impactBytes = Buffer.allocUnsafe(impacts.length * 2);
  if (os.endianness() === 'LE') impactBytes.set(new Uint8Array(impacts.buffer, impacts.byteOffset, impacts.byteLength));
  else for (let k = 0; k < impacts.length; k++) impactBytes.writeUInt16LE(impacts[k], k * 2);
  return { counts, passages: bytes.subarray(0, at).toString('base64'), impacts: impactBytes.toString('base64') };
}

/** Unpacks the postings of an index into typed arrays (one pass, no per-term objects). */
export function decodePostings(serialized: SerializedPostings): Postings {
  const { counts } = serialized;
  const offsets = new Uint32Array(counts.length + 1);
  for (let t = 0; t < counts.length; t++) offsets[t + 1] = offsets[t] + counts[t];
  const total = offsets[counts.length];
  const passages = new Uint32Array(total);
  const bytes = Buffer.from(serialized.passages, 'base64');
  let at = 0;
  for (let t = 0, k = 0; t < counts.length; t++) {
    let previous = 0;
    for (const end = offsets[t + 1]; k < end; k++) {
      // Gaps below 2^21 (one to three bytes) by bit operations; longer ones digit by digit.
      let byte = bytes[at++];
      let gap = byte & 0x7f;
      if (byte & 0x80) {
        byte = bytes[at++];
        gap |= (byte & 0x7f) << 7;
        if (byte & 0x80) {
          byte = bytes[at++];
          gap |= (byte & 0x7f) << 14;
          for (let scale = 2 ** 21; byte & 0x80; scale *= 128) {
            byte = bytes[at++];
            gap += (byte & 0x7f) * scale;
          }
        }
      }
      previous += gap;
      passages[k] = previous;
    }
  }
  if (at !== bytes.length) throw new Error('knowledge index: postings do not match their counts; run npm run kb:build');
  const impactBytes = Buffer.from(serialized.impacts, 'base64');
  if (impactBytes.length !== total * 2) throw new Error('knowledge index: impacts do not match the postings; run npm run kb:build');
  const impacts = new Uint16Array(total);
  if (os.endianness() === 'LE') new Uint8Array(impacts.buffer).set(impactBytes);
  else for (let k = 0; k < total; k++) impacts[k] = impactBytes[2 * k] | (impactBytes[2 * k + 1] << 8);
  return { offsets, passages, impacts };
}

/**
 * Builds the inverted index: BM25 impacts per (term, passage), headings weighted above body text, and the
 * longest known tail of a compound ("…ausbeutung" in "Arbeitsausbeutung") counted with half weight.
 * Terms are numbered as they are met and sorted once at the end; term frequencies are summed in typed
 * arrays — the same sums, in the same order, as a map per passage would give.
 */
export function buildIndex(sources: IndexedSource[], passages: Passage[], builtAt = new Date()): SerializedIndex {
  const sourceTitle = new Map(sources.map((s) => [s.id, s.title]));

  // 1. Tokens → provisional term numbers (in order of first appearance); per passage: heading tokens, then body tokens.
  // The search tokenizes queries the same way (words() + stem()); stem() runs once per distinct token.
  const interner = createWordInterner();
  const termOfToken: number[] = [];
  const termIndex = new Map<string, number>();
  const terms: string[] = [];
  const tokens = new IntList();
  /** Appends the term numbers of words(text).map(stem) and returns their count. */
  const tokenize = (text: string): number => {
    const from = tokens.length;
    const count = interner.addWords(text, tokens);
    for (let k = from; k < tokens.length; k++) {
      const token = tokens.data[k];
      let id: number | undefined = termOfToken[token];
      if (id === undefined) {
        const term = stem(interner.tokens[token]);
        id = termIndex.get(term);
        if (id === undefined) {
          id = terms.length;
          terms.push(term);
          termIndex.set(term, id);
        }
        termOfToken[token] = id;
      }
      tokens.data[k] = id;
    }
    return count;
  };
  // tokens of passage p: [bodyEnd[p-1], headEnd[p]) heading, [headEnd[p], questionsEnd[p]) alternate questions, then body to bodyEnd[p]
  const headEnd = new Int32Array(passages.length);
  const questionsEnd = new Int32Array(passages.length);
  const bodyEnd = new Int32Array(passages.length);
  const lengths = new Float64Array(passages.length);
  let lengthSum = 0;
  passages.forEach((p, pid) => {
    const head = tokenize(`${sourceTitle.get(p.sourceId) ?? ''} ${p.heading}`);
    headEnd[pid] = tokens.length;
    // Alternate questions add matches but no length: a step with many phrasings is not a longer text.
    if (p.questions?.length) tokenize(p.questions.join(' \n '));
    questionsEnd[pid] = tokens.length;
    const body = tokenize(p.text);
    bodyEnd[pid] = tokens.length;
    lengths[pid] = head * RANKING.headingWeight + body;
    lengthSum += lengths[pid];
  });
  const avgLength = lengthSum / Math.max(1, passages.length);

  // 2. Compound parts: the longest tail of a term (≥ 8 letters) that is itself a term.
  const partOf = compoundParts(terms, termIndex, RANKING.minPartLength);

  // 3. Sorted vocabulary and the rank of every provisional term number in it.
  const vocab = [...terms].sort();
  const rank = new Int32Array(terms.length);
  vocab.forEach((term, r) => (rank[termIndex.get(term)!] = r));

  // 4. Weighted term frequencies per passage → impacts, collected per passage, then grouped per term.
  const tf = new Float64Array(terms.length);
  const seen = new Int32Array(terms.length).fill(-1);
  const touched = new Int32Array(terms.length);
  const entryTerm = new IntList();
  const entryPassage = new IntList();
  const entryImpact = new IntList();
  const counts = new Uint32Array(vocab.length);
  // Sums through a plain function and locals: a closure per passage updating a captured count was much slower.
  const termNumbers = tokens.data;
  const frequencies = { tf, seen, touched };
  let start = 0;
  for (let pid = 0; pid < passages.length; pid++) {
    let n = 0;
    for (let k = start; k < bodyEnd[pid]; k++) {
      const w = k < headEnd[pid] ? RANKING.headingWeight : k < questionsEnd[pid] ? RANKING.questionWeight : 1;
      const id = termNumbers[k];
      n = addFrequency(frequencies, pid, n, id, w);
      if (partOf[id] >= 0) n = addFrequency(frequencies, pid, n, partOf[id], w * RANKING.compoundPartWeight);
    }
    start = bodyEnd[pid];
    const norm = RANKING.k1 * (1 - RANKING.b + (RANKING.b * lengths[pid]) / avgLength);
    for (let i = 0; i < n; i++) {
      const id = touched[i];
      const f = tf[id];
      const impact = Math.round(((f * (RANKING.k1 + 1)) / (f + norm)) * 1000);
      if (impact > 0xffff) throw new Error(`impact ${impact} does not fit the index format; check RANKING`);
      entryTerm.push(rank[id]);
      entryPassage.push(pid);
      entryImpact.push(impact);
      counts[rank[id]]++;
    }
  }
  // Terms of headings and texts; the rest come only from alternate questions (how people ask, not what the text says).
  const inText = new Uint8Array(terms.length);
  for (let pid = 0, k = 0; pid < passages.length; pid++) {
    for (; k < bodyEnd[pid]; k++) if (k < headEnd[pid] || k >= questionsEnd[pid]) inText[termNumbers[k]] = 1;
  }
  const phrasingOnly: number[] = [];
  for (let id = 0; id < terms.length; id++) if (!inText[id]) phrasingOnly.push(rank[id]);
  phrasingOnly.sort((x, y) => x - y);
  const offsets = new Uint32Array(vocab.length + 1);
  for (let t = 0; t < vocab.length; t++) offsets[t + 1] = offsets[t] + counts[t];
  const fill = offsets.slice(0, vocab.length);
  const postings: Postings = { offsets, passages: new Uint32Array(entryTerm.length), impacts: new Uint16Array(entryTerm.length) };
  for (let e = 0; e < entryTerm.length; e++) {
    const at = fill[entryTerm.data[e]]++;
    postings.passages[at] = entryPassage.data[e];
    postings.impacts[at] = entryImpact.data[e];
  }
  return {
    format: INDEX_FORMAT,
    version: INDEX_VERSION,
    builtAt: builtAt.toISOString(),
    ranking: RANKING,
    sources,
    passages,
    vocab,
    phrasingOnly,
    postings: encodePostings(postings),
  };
}

/** Adds w to the frequency of term `id` in passage `pid`, whose first n terms are in `touched`; returns the new n. */
function addFrequency(
  f: { tf: Float64Array; seen: Int32Array; touched: Int32Array },
  pid: number,
  n: number,
  id: number,
  w: number,
): number {
  if (f.seen[id] !== pid) {
    f.seen[id] = pid;
    f.tf[id] = 0;
    f.touched[n++] = id;
  }
  f.tf[id] += w;
  return n;
}
