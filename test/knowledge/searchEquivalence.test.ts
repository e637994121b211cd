import { generateCorpus, realKnowledge } from '../../bench/corpus';
import { addTypo, benchQueries, evalQuestions } from '../../bench/queries';
import { rng } from '../../bench/lib';
import { buildIndex, decodePostings, encodePostings, type Postings } from '../../knowledge/indexer';
import { loadLexicon } from '../../knowledge/lexicon';
import { stem, words } from '../../knowledge/normalize';
import { KnowledgeSearch, type SearchResult } from '../../knowledge/search';
import { Vocabulary } from '../../knowledge/vocabulary';
import { buildIndex as referenceBuildIndex } from './reference/indexer';
import { KnowledgeSearch as ReferenceSearch, type SearchResult as ReferenceResult } from './reference/search';
import { Vocabulary as ReferenceVocabulary } from './reference/vocabulary';

/**
 * The fast search (flat postings, typed-array accumulators, top-k selection, length-windowed trigrams)
 * must give exactly the results of the original implementation, frozen in ./reference.
 */

const lexicon = loadLexicon();
const builtAt = new Date('2026-01-01T00:00:00Z');

function comparable(result: SearchResult | ReferenceResult) {
  return {
    query: result.query,
    language: result.language,
    confidence: result.confidence,
    unknownWords: result.unknownWords,
    hits: result.hits.map((h) => [h.passage.id, h.source.id, h.score]),
  };
}

function flatten(postings: Postings): number[][] {
  const out: number[][] = [];
  for (let t = 0; t + 1 < postings.offsets.length; t++) {
    const list: number[] = [];
    for (let k = postings.offsets[t]; k < postings.offsets[t + 1]; k++) list.push(postings.passages[k], postings.impacts[k]);
    out.push(list);
  }
  return out;
}

describe.each([
  ['the real knowledge base', () => realKnowledge()],
  ['a synthetic corpus of 1500 passages', () => generateCorpus(1500, 11)],
])('on %s', (_name, corpusOf) => {
  const corpus = corpusOf();
  const fresh = buildIndex(corpus.sources, corpus.passages, builtAt);
  const reference = referenceBuildIndex(corpus.sources, corpus.passages, builtAt);
  const fast = new KnowledgeSearch(fresh, lexicon);
  const slow = new ReferenceSearch(reference, lexicon);

  it('builds the same vocabulary and the same postings (passage, impact) as before', () => {
    expect(fresh.vocab).toEqual(reference.vocab);
    expect(flatten(decodePostings(fresh.postings))).toEqual(reference.postings);
  });

  it('ranks and scores every question exactly as the original search', () => {
    const questions = [...evalQuestions(), ...benchQueries(realKnowledge(), 160, 3), 'Marmorkuchen Rezept', 'xyzzy qwertz', '', '§ 25', 'Menschenhandel '.repeat(20)];
    for (const q of questions) expect([q, comparable(fast.search(q))]).toEqual([q, comparable(slow.search(q))]);
  });

  it('agrees for every limit, including more than there are hits', () => {
    for (const limit of [0, 1, 2, 3, 10, 50, 100_000]) {
      for (const q of ['Bedenkfrist Ausländerbehörde', 'Menschenhandel Beratung', 'Traumambulanz']) {
        expect(comparable(fast.search(q, limit))).toEqual(comparable(slow.search(q, limit)));
      }
    }
  });

  it('finds passages by id like before', () => {
    for (const p of corpus.passages.slice(0, 50)) expect(fast.passage(p.id)?.passage).toBe(slow.passage(p.id)?.passage);
    expect(fast.passage('no-such#1')).toBeUndefined();
  });
});

describe('Vocabulary.similar', () => {
  it('proposes the same spellings, in the same order and with the same similarity, as the original', () => {
    const index = buildIndex(generateCorpus(1500, 5).sources, generateCorpus(1500, 5).passages, builtAt);
    const fast = new Vocabulary(index.vocab);
    const slow = new ReferenceVocabulary(index.vocab);
    const random = rng(99);
    const terms = new Set<string>();
    for (const q of benchQueries(realKnowledge(), 200, 21, 1)) for (const w of words(addTypo(random, q))) terms.add(stem(w));
    for (const t of ['bedenkfirst', 'traumambulanz', 'menschenhandl', 'jugendmat', 'abcd', 'xyzzyx', 'a'.repeat(40)]) terms.add(t);
    for (const term of terms) expect([term, fast.similar(term)]).toEqual([term, slow.similar(term)]);
  });
});

describe('typo look-up on adversarial vocabularies', () => {
  it('matches the original for short, long (> 32 letters, scored by fuse.js itself), repetitive and numeric terms', () => {
    const random = rng(2024);
    const letters = 'aeinrstuh';
    const word = (min: number, max: number) => Array.from({ length: min + Math.floor(random() * (max - min + 1)) }, () => letters[Math.floor(random() * letters.length)]).join('');
    for (let round = 0; round < 60; round++) {
      const vocab = [...new Set([...Array.from({ length: 80 }, () => word(1, 14)), ...Array.from({ length: 8 }, () => word(30, 40)), 'aaaaaaa', 'abababab', '2024', '25abs4a'])].sort();
      const fast = new Vocabulary(vocab);
      const slow = new ReferenceVocabulary(vocab);
      const probes = [...Array.from({ length: 12 }, () => word(3, 16)), word(33, 38), ...vocab.slice(0, 5).map((t) => addTypo(random, `${t}x`)), 'aaaa', 'abab', 'Bedenkfrist'];
      for (const term of probes) {
        expect([term, fast.similar(term)]).toEqual([term, slow.similar(term)]);
        expect([term, fast.similar(term, 5, 60)]).toEqual([term, slow.similar(term, 5, 60)]);
        expect([term, fast.similar(term, 1, 3)]).toEqual([term, slow.similar(term, 1, 3)]);
      }
    }
  });
});

describe('tokenising for the index', () => {
  it('gives the same terms and postings as words() + stem() on tricky text', () => {
    const sources = [{ id: 'tricky', title: 'Überschrift – Straße', publisher: 'Test', date: null, url: null, topics: [], bundesland: null, language: 'de' as const, kind: 'document' as const }];
    const texts = [
      'Straße STRASSE straße Äußerung äußerung Ä Ö Ü ß é č Łódź naïve café',
      '§ 25 Abs. 4a/4b AufenthG; § 59 Abs. 7 – 3 Monate, 116 016, 08000 116 016, a b c 1 2 3 x9 9x',
      'Bundeskooperationskonzeptmodellprojekt Bundeskooperationskonzeptmodellprojekte Menschenhandelsbekämpfungsstrategie',
      'Kooperationsvereinbarung Vereinbarung vereinbarungen Kooperation; Arbeitsausbeutung Ausbeutung ausbeutungen',
      '',
      '   ---   ',
      'Wiederholung wiederholung WIEDERHOLUNG wiederholungen Wiederholungen',
    ];
    const passages = texts.map((text, i) => ({ id: `tricky#${i + 1}`, sourceId: 'tricky', heading: i % 2 ? 'Größe über Maß' : 'Überschrift', text }));
    const fresh = buildIndex(sources, passages, builtAt);
    const reference = referenceBuildIndex(sources, passages, builtAt);
    expect(fresh.vocab).toEqual(reference.vocab);
    expect(flatten(decodePostings(fresh.postings))).toEqual(reference.postings);
    const direct = new Set(texts.flatMap((t) => words(t).map(stem)));
    for (const term of direct) expect(fresh.vocab).toContain(term);
  });
});

describe('compact postings', () => {
  it('round-trip through the index encoding, large gaps and empty lists included', () => {
    const random = rng(1);
    const lists: Array<Array<[number, number]>> = [[], [[0, 1]], [[5, 65535], [2 ** 21 + 3, 0], [2 ** 31 + 7, 12]], []];
    for (let t = 0; t < 50; t++) {
      let pid = 0;
      const list: Array<[number, number]> = [];
      for (let k = Math.floor(random() * 30); k > 0; k--) list.push([(pid += 1 + Math.floor(random() * 5000)), Math.floor(random() * 2200)]);
      lists.push(list);
    }
    const offsets = new Uint32Array(lists.length + 1);
    lists.forEach((l, t) => (offsets[t + 1] = offsets[t] + l.length));
    const postings: Postings = {
      offsets,
      passages: Uint32Array.from(lists.flat().map(([p]) => p)),
      impacts: Uint16Array.from(lists.flat().map(([, i]) => i)),
    };
    const decoded = decodePostings(JSON.parse(JSON.stringify(encodePostings(postings))));
    expect(decoded).toEqual(postings);
  });

  it('rejects postings whose counts do not match', () => {
    const encoded = encodePostings({ offsets: Uint32Array.from([0, 2]), passages: Uint32Array.from([1, 2]), impacts: Uint16Array.from([3, 4]) });
    expect(() => decodePostings({ ...encoded, counts: [1] })).toThrow(/kb:build/);
  });
});
