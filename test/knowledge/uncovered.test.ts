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

  it('counts such a term only where it is asked about, not in the story before the question', () => {
    const result = search.search('Sie ist Nebenklägerin im Prozess gegen den Zuhälter. Welche Aufenthaltserlaubnis kann sie bekommen?');
    expect(result.uncovered).toBe(false);
    expect(result.hits[0].passage.text).toMatch(/§ 25 Abs. 4a AufenthG/);
    expect(result.confidence).toBeGreaterThanOrEqual(result.bands.plausible);
  });
});
