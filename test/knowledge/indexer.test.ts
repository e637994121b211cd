import { rng } from '../../bench/lib';
import { buildIndex, decodePostings, encodePostings, type Postings } from '../../knowledge/indexer';
import { stem, words } from '../../knowledge/normalize';

const builtAt = new Date('2026-01-01T00:00:00Z');

describe('tokenising for the index', () => {
  it('indexes exactly the terms words() + stem() give the search, on tricky text', () => {
    const sources = [
      {
        id: 'tricky',
        title: 'Überschrift – Straße',
        publisher: 'Test',
        date: null,
        url: null,
        topics: [],
        bundesland: null,
        language: 'de' as const,
        kind: 'document' as const,
      },
    ];
    const texts = [
      'Straße STRASSE straße Äußerung äußerung Ä Ö Ü ß é č Łódź naïve café',
      '§ 25 Abs. 4a/4b AufenthG; § 59 Abs. 7 – 3 Monate, 116 016, 08000 116 016, a b c 1 2 3 x9 9x',
      'Bundeskooperationskonzeptmodellprojekt Bundeskooperationskonzeptmodellprojekte Menschenhandelsbekämpfungsstrategie',
      'Kooperationsvereinbarung Vereinbarung vereinbarungen Kooperation; Arbeitsausbeutung Ausbeutung ausbeutungen',
      '',
      '   ---   ',
      'Wiederholung wiederholung WIEDERHOLUNG wiederholungen Wiederholungen',
    ];
    const headings = texts.map((_t, i) => (i % 2 ? 'Größe über Maß' : 'Überschrift'));
    const passages = texts.map((text, i) => ({ id: `tricky#${i + 1}`, sourceId: 'tricky', heading: headings[i], text }));
    const index = buildIndex(sources, passages, builtAt);
    const expected = new Set([sources[0].title, ...headings, ...texts].flatMap((t) => words(t).map(stem)));
    expect(index.vocab).toEqual([...expected].sort());
    expect(index.vocab).toEqual(expect.arrayContaining(['strass', 'aeusserung', 'naiv', 'cafe', '4a', '3', 'x9', 'wiederholung']));

    // Every passage has a posting for each of its own terms, and none for terms it lacks.
    const postings = decodePostings(index.postings);
    const termsOf = (t: number) => Array.from(postings.passages.subarray(postings.offsets[t], postings.offsets[t + 1]));
    const wiederholung = index.vocab.indexOf('wiederholung');
    expect(termsOf(wiederholung)).toEqual([6]);
    // "ausbeutung" also meets "Arbeitsausbeutung" as its compound tail, but only in passage 4 (number 3).
    expect(termsOf(index.vocab.indexOf('ausbeutung'))).toEqual([3]);
  });
});

describe('compact postings', () => {
  it('round-trip through the index encoding, large gaps and empty lists included', () => {
    const random = rng(1);
    const lists: Array<Array<[number, number]>> = [
      [],
      [[0, 1]],
      [
        [5, 65535],
        [2 ** 21 + 3, 0],
        [2 ** 31 + 7, 12],
      ],
      [],
    ];
    for (let t = 0; t < 50; t++) {
      let pid = 0;
      const list: Array<[number, number]> = [];
      for (let k = Math.floor(random() * 30); k > 0; k--)
        list.push([(pid += 1 + Math.floor(random() * 5000)), Math.floor(random() * 2200)]);
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
    const encoded = encodePostings({
      offsets: Uint32Array.from([0, 2]),
      passages: Uint32Array.from([1, 2]),
      impacts: Uint16Array.from([3, 4]),
    });
    expect(() => decodePostings({ ...encoded, counts: [1] })).toThrow(/kb:build/);
  });
});
