import path from 'node:path';
import { lexiconDir } from '../../knowledge/paths';
import { RegionalFile, RegionalSpelling } from '../../knowledge/regional';
import { readYamlFile } from '../../knowledge/yamlFile';
import { realSearch } from '../helpers/knowledge';

const KNOWN = new Set(['kriegt', 'nie', 'geld', 'gesagt', 'schlafen', 'polizei', 'walen', 'wollen']);
const spelling = new RegionalSpelling({
  version: 1,
  words: { kriagt: 'kriegt', nia: 'nie', koa: 'kein' },
  rules: [
    ['^g(?=[bdfhkmnpstvwz])', 'ge'],
    ['o', 'a'],
    ['e$', 'en'],
  ],
});
const standardize = (text: string) =>
  spelling.standardize(
    text.split(' '),
    (t) => KNOWN.has(t),
    (t) => KNOWN.has(t),
    (t) => (KNOWN.has(t) ? t : undefined),
  );

describe('regional spellings (lexicon regional.yaml)', () => {
  it('replaces listed words, and in a regional question rewrites unknown words into known ones, one rule or two', () => {
    expect(standardize('der kriagt nia sei geld gsagt schlofe')).toEqual(['der', 'kriegt', 'nie', 'sei', 'geld', 'gesagt', 'schlafen']);
  });

  it('leaves a question without regional speech as typed, and never rewrites a word the search knows', () => {
    expect(standardize('gibts wolen gsagt')).toEqual(['gibts', 'wolen', 'gsagt']);
    expect(standardize('koa wollen')).toEqual(['kein', 'wollen']);
  });

  it('validates the data file: one standard word per entry, rules that compile', () => {
    const file = readYamlFile(path.join(lexiconDir, 'regional.yaml'), RegionalFile);
    expect(Object.keys(file.words).length).toBeGreaterThan(100);
    for (const [pattern] of file.rules) expect(() => new RegExp(pattern)).not.toThrow();
    expect(() => RegionalFile.parse({ ...file, words: { mei: 'mein Sohn' } })).toThrow(/one word/);
  });

  it('lets the search read Bavarian, Swabian and Low German as the standard words they stand for', () => {
    const search = realSearch();
    const health = search.search('Mei Madl hot koa Krankenversicherung und is krank. Wer zoit etz an Dokta?');
    expect(health.unknownWords).toEqual([]);
    expect(health.hits[0].passage.id).toMatch(/gesundheit/);
    expect(health.confidence).toBeGreaterThanOrEqual(health.bands.plausible);
    const shelter = search.search("I woaß net, wo mei Bekannte schlofe ko, wenn's vo dem Kerl weglaaft. Gibt's do a sichere Wohnung?");
    expect(shelter.hits[0].passage.id).toBe('checkliste-unterkunft#notunterbringung');
    expect(shelter.confidence).toBeGreaterThanOrEqual(shelter.bands.plausible);
  });
});
