import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { stem } from '../../knowledge/normalize';
import { germanThesaurus, Thesaurus } from '../../knowledge/thesaurus';
import { convertThesaurus, main } from '../../scripts/thesaurusImport';
import { lexiconDir } from '../../knowledge/paths';
import { runCli } from '../helpers/cli';

const OPEN_THESAURUS = [
  '# OpenThesaurus - German Thesaurus in text format',
  'Bude (ugs.);Unterkunft;Wohnung;Bleibe;Dach über dem Kopf',
  '(sich) fürchten;Angst haben;bangen;Schiss haben (ugs.)',
  'Schiss (ugs.);Angst;Sorge',
  'Geld;Kohle (ugs.);Knete (ugs.)',
  'Knete (ugs.);Knetmasse',
  'Redewendung mit Wörtern;noch eine Redewendung',
  'Vertreter (Hauptform);Stellvertreter;Repräsentant (geh., veraltet)',
  'geizen (mit);knausern (ugs.);sparen (an)',
  'halb-;Halb-;Halbe',
  'Sorgerecht (fachspr.);Personensorge (österr.)',
].join('\n');

describe('the thesaurus (OpenThesaurus, knowledge/lexicon/thesaurus.txt)', () => {
  it('keeps single words, marks those with a usage label and drops phrases, fragments and one-word sets', () => {
    expect(convertThesaurus(OPEN_THESAURUS)).toEqual([
      '~Bude;Unterkunft;Wohnung;Bleibe',
      'fürchten;bangen',
      '~Schiss;Angst;Sorge',
      'Geld;~Kohle;~Knete',
      '~Knete;Knetmasse',
      // Notes are no usage labels: "(Hauptform)", grammar ("(mit)"), a field ("(fachspr.)"); hyphenated fragments go.
      'Vertreter;Stellvertreter;~Repräsentant',
      'geizen;~knausern;sparen',
      'Sorgerecht;~Personensorge',
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

  it('ships the converted OpenThesaurus with its licence', () => {
    const text = fs.readFileSync(path.join(lexiconDir, 'thesaurus.txt'), 'utf8');
    expect(text).toMatch(/^# OpenThesaurus/);
    expect(text).toMatch(/Lesser General Public License/);
    expect(fs.readFileSync(path.join(lexiconDir, 'LICENSE-openthesaurus.txt'), 'utf8')).toMatch(/LESSER GENERAL PUBLIC LICENSE/);
    expect(Thesaurus.fromText(text).size).toBeGreaterThan(20000);
  });

  it('caches its stems under a hash of the thesaurus and the stemmer, and stems again when either changes', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thesaurus-'));
    try {
      const file = path.join(dir, 'mini.txt');
      const cache = path.join(dir, 'mini-stems.txt');
      fs.writeFileSync(file, convertThesaurus(OPEN_THESAURUS).join('\n'));
      const first = germanThesaurus(file, cache);
      const written = fs.readFileSync(cache, 'utf8');
      expect(written).toMatch(/^# [0-9a-f]{40}\n/);
      // Read back from the cache (a fresh module has no thesaurus loaded): the same synonyms.
      jest.isolateModules(() => {
        const fresh = (require('../../knowledge/thesaurus') as typeof import('../../knowledge/thesaurus')).germanThesaurus(file, cache);
        for (const word of ['bude', 'knete', 'schiss'])
          expect(fresh.synonyms(stem(word)).sort()).toEqual(first.synonyms(stem(word)).sort());
      });
      // A cache under another hash (another thesaurus or stemmer) is not read: its wrong content never shows.
      fs.writeFileSync(cache, '# 0000\nbud;falsch');
      jest.isolateModules(() => {
        const fresh = (require('../../knowledge/thesaurus') as typeof import('../../knowledge/thesaurus')).germanThesaurus(file, cache);
        expect(fresh.synonyms(stem('bude'))).not.toContain('falsch');
        expect(fresh.synonyms(stem('bude'))).toContain(stem('unterkunft'));
      });
      expect(fs.readFileSync(cache, 'utf8')).toBe(written);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('imports a thesaurus file with its date, and says how to get one when it is missing', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thesaurus-import-'));
    try {
      const source = path.join(dir, 'openthesaurus.txt');
      fs.writeFileSync(
        source,
        `# OpenThesaurus - German Thesaurus in text format\n# Automatically generated 2016-04-24 23:01\n${OPEN_THESAURUS}`,
      );
      const target = path.join(dir, 'thesaurus.txt');
      const imported = await runCli(main, [source, '--out', target]);
      expect(imported.code).toBe(0);
      const written = fs.readFileSync(target, 'utf8');
      expect(written).toMatch(/Stand der Daten: 2016-04-24/);
      expect(written).toContain('\n~Bude;Unterkunft;Wohnung;Bleibe\n');
      expect(imported.out).toMatch(/8 Synonymgruppen/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
    const missing = await runCli(main, ['/nonexistent/openthesaurus.txt']);
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/apt-get install openthesaurus-de-text/);
  });
});
