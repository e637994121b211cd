import fs from 'node:fs';
import path from 'node:path';
import { lexiconDir } from '../knowledge/paths';
import { MARKED_PREFIX } from '../knowledge/thesaurus';
import { processIo, runIfMain, type CliIo } from './cli';

/** Where Debian's openthesaurus-de-text package puts the thesaurus (apt-get install openthesaurus-de-text). */
export const DEBIAN_THESAURUS = '/usr/share/openthesaurus-de/openthesaurus.txt';

/** "(ugs.)", "(geh.)", "(veraltet)", "(fachspr.)": a usage mark; "(sich)" and "(etwas)" are grammar, not marks. */
const USAGE_MARK = /\((?!sich\)|etwas\)|jemanden\)|jemandem\))[^)]*\)/;

/**
 * The sets of OpenThesaurus's text format ("Wort;Wort (ugs.);Redewendung mit mehreren Wörtern") as the
 * search reads them: single words only (a phrase would need phrase matching, which the curated lexicon
 * does), grammar notes dropped, usage-marked words prefixed with MARKED_PREFIX, sets of fewer than two words left out.
 */
export function convertThesaurus(text: string): string[] {
  const sets: string[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue;
    const words = line
      .split(';')
      .map((raw) => ({ marked: USAGE_MARK.test(raw), word: raw.replace(/\([^)]*\)/g, '').trim() }))
      .filter(({ word }) => word && /^[\p{L}-]+$/u.test(word));
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

/** npm run thesaurus:import [-- FILE]: converts OpenThesaurus's text export into knowledge/lexicon/thesaurus.txt. */
export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  const source = argv.find((a) => !a.startsWith('--')) ?? DEBIAN_THESAURUS;
  const out = path.join(lexiconDir, 'thesaurus.txt');
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
