import { chunk } from '../../knowledge/chunk';
import { textToBlocks } from '../../knowledge/parseSource';
import { realSearch } from '../helpers/knowledge';

describe('chunking', () => {
  const index = realSearch().index;
  const documents = new Set(index.sources.filter((s) => s.kind === 'document').map((s) => s.id));
  const passages = index.passages.filter((p) => documents.has(p.sourceId));

  it('gives every passage its heading and keeps passages readable at a glance', () => {
    for (const p of passages) {
      expect(p.heading.length).toBeGreaterThan(0);
      expect(p.text.length).toBeGreaterThan(15);
      expect(p.text.length).toBeLessThanOrEqual(900);
    }
  });

  it('makes each Bundesland bullet with content its own passage', () => {
    const laender = passages.filter((p) => p.sourceId === 'kooperationsvereinbarungen-laender');
    const sachsen = laender.filter((p) => p.text.startsWith('Sachsen:'));
    expect(sachsen).toHaveLength(1);
    expect(sachsen[0].text).toContain('KOBRAnet');
    expect(sachsen[0].text).not.toContain('ZORA');
    expect(laender.find((p) => p.text.startsWith('Mecklenburg-Vorpommern'))?.heading).toBe('Kooperationsvereinbarungen Länderebene');
  });

  it('keeps a lead-in together with its short list items', () => {
    const list = passages.find((p) => p.text.includes('Auslegungshilfe für Sozialhilfeträger'))!;
    expect(list.text).toContain('Eine Reihe von Verbesserungen wurden von der B-L-AG Menschenhandel erarbeitet:');
    expect(list.text).toContain('- Fortbildungskonzept');
  });

  it('joins short fragments to their neighbour instead of leaving crumbs', () => {
    const blocks = textToBlocks(
      '# Titel\n\nKontakt:\n\nForum Menschenrechte, Greifswalder Straße 4, 10405 Berlin, mit Homepage und allem was dazugehört für Nachfragen.\n\nAz.: I/2',
    );
    const out = chunk('s', 'Titel', blocks);
    expect(out).toHaveLength(1);
    expect(out[0].text).toMatch(/^Kontakt:\nForum Menschenrechte.*\nAz\.: I\/2$/s);
  });

  it('splits an over-long paragraph at sentence ends', () => {
    const long = Array.from({ length: 30 }, (_, i) => `Satz Nummer ${i} erklärt einen Teil des Verfahrens genau.`).join(' ');
    const out = chunk('s', 'T', [{ kind: 'para', text: long }]);
    expect(out.length).toBeGreaterThan(1);
    for (const p of out) expect(p.text).toMatch(/\.$/);
    expect(out.map((p) => p.text).join(' ')).toBe(long);
  });
});
