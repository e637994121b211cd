import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { stem } from '../../knowledge/normalize';
import { germanThesaurus, Thesaurus } from '../../knowledge/thesaurus';
import { convertThesaurus, main } from '../../scripts/thesaurusImport';
import { lexiconDir } from '../../knowledge/paths';

const OPEN_THESAURUS = [
  '# OpenThesaurus - German Thesaurus in text format',
  'Bude (ugs.);Unterkunft;Wohnung;Bleibe;Dach über dem Kopf',
  '(sich) fürchten;Angst haben;bangen;Schiss haben (ugs.)',
  'Schiss (ugs.);Angst;Sorge',
  'Geld;Kohle (ugs.);Knete (ugs.)',
  'Knete (ugs.);Knetmasse',
  'Redewendung mit Wörtern;noch eine Redewendung',
].join('\n');

describe('the thesaurus (OpenThesaurus, knowledge/lexicon/thesaurus.txt)', () => {
  it('keeps single words, marks colloquial ones and drops phrases and one-word sets', () => {
    expect(convertThesaurus(OPEN_THESAURUS)).toEqual([
      '~Bude;Unterkunft;Wohnung;Bleibe',
      'fürchten;bangen',
      '~Schiss;Angst;Sorge',
      'Geld;~Kohle;~Knete',
      '~Knete;Knetmasse',
    ]);
  });

  it('gives the plain words of every set of a word, never a marked one, and survives its cache', () => {
    const thesaurus = Thesaurus.fromText(convertThesaurus(OPEN_THESAURUS).join('\n'));
    expect(thesaurus.synonyms(stem('bude')).sort()).toEqual(['bleib', 'unterkunft', 'wohnung'].map(stem).sort());
    // Both senses of "Knete": the money and the modelling clay; "Kohle" is marked, so never searched for.
    expect(thesaurus.synonyms(stem('knete')).sort()).toEqual([stem('geld'), stem('knetmasse')].sort());
    expect(thesaurus.synonyms(stem('geld'))).toEqual([]);
    const copy = Thesaurus.deserialize(thesaurus.serialize());
    for (const word of ['bude', 'knete', 'schiss', 'geld'])
      expect(copy.synonyms(stem(word)).sort()).toEqual(thesaurus.synonyms(stem(word)).sort());
    expect(copy.size).toBe(thesaurus.size);
  });

  it('ships the converted OpenThesaurus with its licence, and caches its stems beside the index', () => {
    const text = fs.readFileSync(path.join(lexiconDir, 'thesaurus.txt'), 'utf8');
    expect(text).toMatch(/^# OpenThesaurus/);
    expect(text).toMatch(/Lesser General Public License/);
    expect(fs.readFileSync(path.join(lexiconDir, 'LICENSE-openthesaurus.txt'), 'utf8')).toMatch(/LESSER GENERAL PUBLIC LICENSE/);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thesaurus-'));
    const thesaurus = germanThesaurus(path.join(lexiconDir, 'thesaurus.txt'), path.join(dir, 'stems.txt'));
    expect(thesaurus.size).toBeGreaterThan(20000);
    expect(thesaurus.synonyms(stem('bude'))).toContain(stem('unterkunft'));
  });

  it('imports a thesaurus file, and says how to get one when it is missing', async () => {
    const out: string[] = [];
    const err: string[] = [];
    const io = { out: (t: string) => out.push(t), err: (t: string) => err.push(t), stdin: process.stdin };
    expect(await main(['/nonexistent/openthesaurus.txt'], io)).toBe(1);
    expect(err.join('')).toMatch(/apt-get install openthesaurus-de-text/);
  });
});
