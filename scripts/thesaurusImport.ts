import fs from 'node:fs';
import path from 'node:path';
import { lexiconDir } from '../knowledge/paths';
import { MARKED_PREFIX } from '../knowledge/thesaurus';
import { processIo, runIfMain, type CliIo } from './cli';

/** Where Debian's openthesaurus-de-text package puts the thesaurus (apt-get install openthesaurus-de-text). */
export const DEBIAN_THESAURUS = '/usr/share/openthesaurus-de/openthesaurus.txt';

/**
 * Usage labels of OpenThesaurus ("(ugs.)", "(geh., veraltet)", "(österr.)", "(fig.)"): a word so labelled is a way
 * users say it, in a sense the sources would not mean ("abschieben (ugs.)" for leaving), so it is never searched
 * for. Everything else in brackets is a note, not a label: grammar ("(sich)", "(jemandem etwas)", "(mit)"),
 * "(Hauptform)", and the fields and languages a word comes from ("(fachspr.)", "(engl.)"), which the sources use.
 */
const USAGE_LABELS = (
  'ugs umgangssprachlich fig geh gehoben veraltet veraltend derb vulg abwertend salopp ironisch scherzhaft regional ' +
  'österr schweiz norddeutsch norddt süddeutsch süddt bairisch bayr berlinerisch rheinisch schwäbisch sächsisch ' +
  'literarisch poetisch jargon jugendsprache kindersprache verhüllend euphemistisch selten historisch altertümelnd'
).split(' ');

function hasUsageLabel(raw: string): boolean {
  for (const [, note] of raw.matchAll(/\(([^)]*)\)/g))
    for (const part of note.split(/[,;]/)) {
      const label = part.trim().toLowerCase().replace(/\.$/, '');
      if (USAGE_LABELS.some((l) => label === l || label.startsWith(`${l} `))) return true;
    }
  return false;
}

/**
 * The sets of OpenThesaurus's text format ("Wort;Wort (ugs.);Redewendung mit mehreren Wörtern") as the
 * search reads them: single words of letters only (a phrase would need phrase matching, which the curated lexicon
 * does; a hyphenated word or fragment, "halb-", never meets a search word), notes dropped, words with a usage label
 * prefixed with MARKED_PREFIX, sets of fewer than two words left out.
 */
export function convertThesaurus(text: string): string[] {
  const sets: string[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue;
    const words = line
      .split(';')
      .map((raw) => ({ marked: hasUsageLabel(raw), word: raw.replace(/\([^)]*\)/g, '').trim() }))
      .filter(({ word }) => /^\p{L}+$/u.test(word));
    if (words.length >= 2) sets.push(words.map(({ marked, word }) => (marked ? MARKED_PREFIX : '') + word).join(';'));
  }
  return sets;
}

function header(source: string, stand: string): string {
  return [
    '# OpenThesaurus – deutscher Thesaurus, https://www.openthesaurus.de',
    '# Copyright (C) 2003-2014 Daniel Naber und die Nutzer*innen von openthesaurus.de.',
    '# Lizenz: GNU Lesser General Public License 2.1 oder später (LICENSE-openthesaurus.txt in diesem Ordner).',
    `# Stand der Daten: ${stand}; übernommen aus ${source} mit npm run thesaurus:import (scripts/thesaurusImport.ts).`,
    `# Geändert: nur Einzelwörter, Grammatikhinweise entfernt; ${MARKED_PREFIX} markiert Wörter mit Gebrauchshinweis (ugs., geh., veraltet …).`,
    '# Eine Synonymgruppe je Zeile, Wörter durch ";" getrennt. Von Hand nicht bearbeiten: Korrekturen gehören in everyday.yaml.',
  ].join('\n');
}

/** npm run thesaurus:import [-- FILE] [--out FILE]: converts OpenThesaurus's text export into knowledge/lexicon/thesaurus.txt. */
export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  const outAt = argv.indexOf('--out');
  const out = outAt >= 0 ? argv[outAt + 1] : path.join(lexiconDir, 'thesaurus.txt');
  const source = argv.find((a, i) => !a.startsWith('--') && (outAt < 0 || i !== outAt + 1)) ?? DEBIAN_THESAURUS;
  if (!fs.existsSync(source)) {
    io.err(`${source} fehlt. Unter Debian: apt-get install openthesaurus-de-text – oder den Pfad der Textdatei angeben.\n`);
    return 1;
  }
  const text = fs.readFileSync(source, 'utf8');
  const stand = /Automatically generated (\d{4}-\d{2}-\d{2})/.exec(text)?.[1] ?? 'unbekannt';
  const sets = convertThesaurus(text);
  fs.writeFileSync(out, `${header(source, stand)}\n${sets.join('\n')}\n`);
  io.out(`${sets.length} Synonymgruppen → ${path.relative(process.cwd(), out)}\n`);
  return 0;
}

runIfMain(module, main);
