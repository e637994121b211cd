import path from 'node:path';
import { readYamlFile } from '../../knowledge/yamlFile';
import { lexiconDir } from '../../knowledge/paths';
import { phraseTokens } from '../../knowledge/lexicon';
import { z } from 'zod';
import { realSearch } from '../helpers/knowledge';

const terms = readYamlFile(path.join(lexiconDir, 'uncovered.yaml'), z.object({ version: z.number(), terms: z.array(z.string()) })).terms;

describe('topics the sources do not cover (lexicon uncovered.yaml)', () => {
  const search = realSearch();

  it('lists no word the knowledge base contains: a topic the sources start to cover must leave the list', () => {
    const vocab = new Set(search.index.vocab);
    const covered = terms.filter((t) => phraseTokens(t).length === 1 && vocab.has(phraseTokens(t)[0]));
    expect(covered).toEqual([]);
  });

  it('declines a question about one, though other words of it match', () => {
    const result = search.search('Kann sie als Nebenklägerin im Strafverfahren gegen die Täter auftreten?');
    expect(result.uncovered).toBe(true);
    expect(result.hits.length).toBeGreaterThan(0);
    expect(result.confidence).toBeLessThan(result.bands.plausible);
  });

  it('declines amounts, family law and everyday administration, and keeps what a step answers', () => {
    for (const q of [
      'wie viel kohle kriegt die genau im monat',
      'Scheidung Kosten',
      'Lohn einklagen Arbeitsausbeutung',
      'wie ist das in holland geregelt',
    ])
      expect([q, search.search(q).uncovered]).toEqual([q, true]);
    // "einklagen" alone stays: a step answers whether a shelter place can be claimed in court.
    const shelter = search.search('Kann sie einen Platz im Frauenhaus einklagen?');
    expect(shelter.uncovered).toBe(false);
    expect(shelter.hits[0].passage.id).toBe('checkliste-unterkunft#kein-rechtsanspruch-vor-2032');
  });

  it('counts such a term only where it is asked about, not in the story before the question', () => {
    const result = search.search('Sie ist Nebenklägerin im Prozess gegen den Zuhälter. Welche Aufenthaltserlaubnis kann sie bekommen?');
    expect(result.uncovered).toBe(false);
    expect(result.hits[0].passage.text).toMatch(/§ 25 Abs. 4a AufenthG/);
    expect(result.confidence).toBeGreaterThanOrEqual(result.bands.plausible);
  });
});
