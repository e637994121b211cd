import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { auc, metrics, reliability, type Outcome } from '../../scripts/eval/evalMetrics';
import { formatReport } from '../../scripts/eval/evalFormat';
import { peerRankers } from '../../scripts/eval/evalPeers';
import { evaluateFiles, groupReports, readCases, runCases, type Ranker } from '../../scripts/eval/evalReport';
import { realSearch } from '../helpers/knowledge';

const o = (answerable: boolean, rank: number, decision: Outcome['decision'], confidence: number): Outcome => ({
  q: 'q',
  answerable,
  rank,
  decision,
  confidence,
  top: [],
});

describe('evaluation metrics', () => {
  it('AUC is 1 for a perfect separation, 0.5 for ties, null without both classes', () => {
    expect(
      auc([
        { score: 0.9, positive: true },
        { score: 0.1, positive: false },
      ]),
    ).toBe(1);
    expect(
      auc([
        { score: 0.1, positive: true },
        { score: 0.9, positive: false },
      ]),
    ).toBe(0);
    expect(
      auc([
        { score: 0.5, positive: true },
        { score: 0.5, positive: false },
      ]),
    ).toBe(0.5);
    expect(auc([{ score: 0.5, positive: true }])).toBeNull();
  });

  it('counts right, confidently wrong and declined as the issue defines them', () => {
    const m = metrics([
      o(true, 0, 'confident', 0.9), // right
      o(true, 0, 'none', 0.3), // withheld: hit@1 but not right
      o(true, 1, 'confident', 0.8), // confidently wrong
      o(true, -1, 'uncertain', 0.6), // wrong but not confidently
      o(false, -1, 'none', 0.1), // declined
      o(false, -1, 'confident', 0.75), // confidently wrong on an unanswerable question
    ]);
    expect(m).toMatchObject({ cases: 6, answerable: 4, unanswerable: 2, hitAt1: 0.5, hitAt3: 0.75, right: 0.25, declined: 0.5 });
    expect(m.confidentlyWrong).toBeCloseTo(2 / 6);
    expect(m.mrr).toBeCloseTo((1 + 1 + 0.5) / 4);
    expect(m.auc).toBeCloseTo(5 / 8); // right firsts (0.9, 0.3) against 0.8, 0.6, 0.1, 0.75
  });

  it('reports no decision figures for a peer without decisions', () => {
    const m = metrics([{ q: 'q', answerable: true, rank: 0, top: [] }]);
    expect(m.hitAt1).toBe(1);
    expect([m.right, m.confidentlyWrong, m.declined, m.auc]).toEqual([null, null, null, null]);
  });

  it('bins predicted against observed right answers', () => {
    const rows = reliability([o(true, 0, 'confident', 0.75), o(true, 2, 'confident', 0.875), o(true, 0, 'none', 0.125)], [0, 0.5, 1.0001]);
    expect(rows).toEqual([
      { from: 0, to: 0.5, cases: 1, predicted: 0.125, observed: 1 },
      { from: 0.5, to: 1, cases: 2, predicted: 0.8125, observed: 0.5 },
    ]);
  });
});

describe('question files and runs', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'lotse-evalreport-'));
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
  const write = (name: string, cases: unknown) => {
    const file = path.join(tmp, name);
    fs.writeFileSync(file, JSON.stringify({ cases }));
    return file;
  };

  it('accepts expect [] as unanswerable and names file, case and field of a broken case', () => {
    expect(readCases(write('ok.json', [{ q: 'Kindergeld', expect: [], topic: 'unanswerable', split: 'holdout' }]))).toHaveLength(1);
    expect(() => readCases(write('bad1.json', [{ q: 'a', expect: [[]] }]))).toThrow(/bad1\.json: cases\[0\]: field "expect"/);
    expect(() => readCases(write('bad2.json', [{ q: 'a', expect: [], ids: [3] }]))).toThrow(/field "ids"/);
    expect(() => readCases(write('bad3.json', [{ q: 'a', expect: [], split: 'train' }]))).toThrow(/field "split"/);
  });

  it('the realistic set has ≥ 150 tagged questions, ≥ 15 unanswerable, about a third held out', () => {
    const cases = readCases(path.resolve(__dirname, '../eval/realistic.json'));
    expect(cases.length).toBeGreaterThanOrEqual(150);
    expect(cases.filter((c) => !c.expect.length && !c.ids?.length).length).toBeGreaterThanOrEqual(15);
    for (const c of cases) expect([c.style, c.topic, c.split].every(Boolean)).toBe(true);
    const held = cases.filter((c) => c.split === 'holdout').length / cases.length;
    expect(held).toBeGreaterThan(0.25);
    expect(held).toBeLessThan(0.4);
    const ids = new Set(realSearch().index.passages.map((p) => p.id));
    for (const c of cases) for (const id of c.ids ?? []) expect(id.endsWith('#') || ids.has(id) ? id : `unknown ${id}`).toBe(id);
  });

  it('the development set: 160 tagged tuning questions, 25 unanswerable, every listed id in the index', () => {
    const cases = readCases(path.resolve(__dirname, '../eval/realistic-dev.json'));
    expect(cases).toHaveLength(160);
    expect(cases.filter((c) => !c.expect.length && !c.ids?.length)).toHaveLength(25);
    for (const c of cases) expect([c.style, c.topic, c.split === 'tune'].every(Boolean)).toBe(true);
    for (const c of cases) expect(c.topic === 'unanswerable').toBe(!c.expect.length);
    const ids = new Set(realSearch().index.passages.map((p) => p.id));
    for (const c of cases) for (const id of c.ids ?? []) expect(ids.has(id) ? id : `unknown ${id}`).toBe(id);
  });

  // blind2 and blind3 were measured blind, then became tuning data; blind4 and blind5 are the untouched final measures;
  // realistic-en adds English tuning questions (the style whose confidence generalised worst); dev3 and blind6 were
  // written by a helper who knew neither the lexicon nor the other cases: dev3 to dev11 to tune on, blind6 to blind10 untouched.
  it.each([
    ['realistic-blind2.json', 110, 20, 'tune'],
    ['realistic-blind3.json', 120, 22, 'tune'],
    ['realistic-blind4.json', 120, 25, 'holdout'],
    ['realistic-blind5.json', 120, 28, 'holdout'],
    ['realistic-en.json', 42, 6, 'tune'],
    ['realistic-dev3.json', 150, 29, 'tune'],
    ['realistic-dev4.json', 150, 31, 'tune'],
    ['realistic-dev5.json', 150, 31, 'tune'],
    ['realistic-blind6.json', 120, 30, 'holdout'],
    ['realistic-blind7.json', 120, 30, 'holdout'],
    ['realistic-dev6.json', 150, 37, 'tune'],
    ['realistic-dev7.json', 150, 35, 'tune'],
    ['realistic-blind8.json', 120, 38, 'holdout'],
    ['realistic-blind9.json', 120, 35, 'holdout'],
    ['realistic-dev8.json', 150, 41, 'tune'],
    ['realistic-dev9.json', 150, 40, 'tune'],
    ['realistic-dev10.json', 150, 39, 'tune'],
    ['realistic-dev11.json', 150, 40, 'tune'],
    ['realistic-blind10.json', 120, 35, 'holdout'],
  ])(
    'blind set %s: %i tagged questions, at least %i unanswerable (topic "unanswerable"), all split %s, every listed id in the index',
    (file, count, minUnanswerable, split) => {
      const cases = readCases(path.resolve(__dirname, '../eval', file));
      expect(cases).toHaveLength(count);
      const unanswerable = cases.filter((c) => !c.expect.length && !c.ids?.length);
      expect(unanswerable.length).toBeGreaterThanOrEqual(minUnanswerable);
      expect(unanswerable.every((c) => c.topic === 'unanswerable')).toBe(true);
      for (const c of cases) expect([c.style, c.topic, c.split === split].every(Boolean)).toBe(true);
      const ids = new Set(realSearch().index.passages.map((p) => p.id));
      for (const c of cases) for (const id of c.ids ?? []) expect(ids.has(id) ? id : `unknown ${id}`).toBe(id);
    },
  );

  it('a result listed by id counts as relevant, a source prefix covers its passages, and groups follow the tags', async () => {
    const search = realSearch();
    const rank: Ranker = (q) => ({ hits: [search.passage(q)!], decision: 'confident', confidence: 0.9 });
    const first = search.index.passages[0];
    const outcomes = await runCases(rank, [
      { q: first.id, expect: [], ids: [`${first.sourceId}#`], style: 'keywords', topic: 'a', split: 'tune' },
      { q: first.id, expect: [['kein solcher Text im Index']], style: 'typo', topic: 'a', split: 'holdout' },
      { q: first.id, expect: [], style: 'typo', topic: 'unanswerable', split: 'holdout' },
    ]);
    expect(outcomes.map((x) => [x.answerable, x.rank])).toEqual([
      [true, 0],
      [true, -1],
      [false, -1],
    ]);
    const groups = groupReports(outcomes).map((g) => g.group);
    expect(groups).toEqual(['all', 'split=tune', 'split=holdout', 'style=keywords', 'style=typo', 'topic=a', 'topic=unanswerable']);
  });

  it('reports per file and overall, with misses on request', async () => {
    const a = { file: 'a.json', cases: [{ q: 'Kooperationsvereinbarung Sachsen-Anhalt', expect: [['Sachsen-Anhalt']] }] };
    const b = {
      file: 'b.json',
      cases: [
        { q: 'Marmorkuchen backen', expect: [['Marmorkuchen']] },
        { q: 'Marmorkuchen Rezept', expect: [] },
      ],
    };
    const result = await evaluateFiles(realSearch(), [a, b]);
    expect(result.files.map((f) => [f.file, f.groups[0].hitAt1, f.groups[0].right])).toEqual([
      ['a.json', 1, 1],
      ['b.json', 0, 0],
    ]);
    expect(result.files[1].groups[0].declined).toBe(1);
    expect(result.overall[0]).toMatchObject({ group: 'all', cases: 3, answerable: 2, hitAt1: 0.5 });
    const text = formatReport(result, { misses: true });
    expect(text).toMatch(/^ {2}all +3 +1 +0\.500 +0\.500 +0\.500 +0\.500 +0\.000 +1\.000 /m);
    expect(text).toContain('miss rank=- answer=none q="Marmorkuchen backen"');
    expect(text).not.toContain('q="Marmorkuchen Rezept"');
  });
});

describe('peer libraries', () => {
  it('fuse.js, MiniSearch and Orama each rank the same passages for the same question', async () => {
    const search = realSearch();
    const peers = await peerRankers(search);
    expect(peers.map((p) => p.name)).toEqual(['fuse.js', 'MiniSearch (de)', 'Orama (de)']);
    for (const peer of peers) {
      const ranked = await peer.rank('Bielefelder Modell Gleichstellungsbeauftragte');
      expect(ranked.decision).toBeUndefined();
      expect(ranked.hits.length).toBeGreaterThan(0);
      expect(ranked.hits.some((h) => h.passage.text.includes('Bielefeld'))).toBe(true);
    }
  });
});
