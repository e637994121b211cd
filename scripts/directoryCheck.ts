import {
  checkReasons,
  DEFAULT_MAX_AGE_MONTHS,
  DirectoryError,
  directoryPath,
  loadDirectory,
  type DirectoryEntry,
} from '../dialogs/directory';
import { BUNDESLAENDER } from '../knowledge/sourceSchema';

/**
 * npm run directory:check [-- --months 18] [--file dialogs/directory.yaml] [--now 2026-12-01]
 * A report for the content editor, not a gate: entries whose Stand is older than the set age or missing,
 * entries seen only on secondary pages (not H), duplicate names, and Länder without a specialised
 * centre. Exits 0 with the report; only an unreadable or invalid file exits 1.
 */
export interface CheckReport {
  old: DirectoryEntry[];
  undated: DirectoryEntry[];
  notH: DirectoryEntry[];
  duplicateNames: string[];
  landsWithoutCentre: string[];
}

export function checkDirectory(entries: DirectoryEntry[], now: Date, maxAgeMonths = DEFAULT_MAX_AGE_MONTHS): CheckReport {
  const reasons = (e: DirectoryEntry) => checkReasons(e, now, maxAgeMonths);
  const seen = new Map<string, number>();
  for (const e of entries) seen.set(e.name.trim().toLowerCase(), (seen.get(e.name.trim().toLowerCase()) ?? 0) + 1);
  return {
    old: entries.filter((e) => reasons(e).includes('old')),
    undated: entries.filter((e) => reasons(e).includes('undated')),
    notH: entries.filter((e) => e.confidence !== 'H'),
    duplicateNames: entries.filter((e) => (seen.get(e.name.trim().toLowerCase()) ?? 0) > 1).map((e) => `${e.id}: ${e.name}`),
    landsWithoutCentre: BUNDESLAENDER.filter((land) => !entries.some((e) => e.land === land && e.kind === 'fachberatungsstelle')),
  };
}

const line = (e: DirectoryEntry) => `  - ${e.id} (${e.land}) – Stand: ${e.stand ?? 'ohne Datum'} – ${e.source_url[0]}`;

export function formatCheck(report: CheckReport, total: number, maxAgeMonths: number): string {
  const section = (title: string, items: string[]) => [`${title}: ${items.length}`, ...items];
  return [
    `Verzeichnis: ${total} Einträge`,
    ...section(`Stand älter als ${maxAgeMonths} Monate`, report.old.map(line)),
    ...section('Ohne Datum', report.undated.map(line)),
    ...section('Nicht Vertrauensstufe H (nur Sekundärquellen)', report.notH.map(line)),
    ...section(
      'Doppelte Namen',
      report.duplicateNames.map((n) => `  - ${n}`),
    ),
    ...section(
      'Länder ohne Fachberatungsstelle',
      report.landsWithoutCentre.map((l) => `  - ${l}`),
    ),
    'Anleitung zum Korrigieren: docs/inhalte.md, Abschnitt „Verzeichnis“.',
  ].join('\n');
}

function option(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
}

export function main(argv: string[], print: (text: string) => void = console.log): number {
  const months = Number(option(argv, '--months') ?? DEFAULT_MAX_AGE_MONTHS);
  const nowArg = option(argv, '--now');
  const now = nowArg ? new Date(`${nowArg}T00:00:00Z`) : new Date();
  if (!Number.isInteger(months) || months < 1 || Number.isNaN(now.getTime())) {
    print('Aufruf: npm run directory:check [-- --months 18] [--file dialogs/directory.yaml] [--now 2026-12-01]');
    return 1;
  }
  let entries: DirectoryEntry[];
  try {
    entries = loadDirectory(option(argv, '--file') ?? directoryPath).entries;
  } catch (err) {
    if (!(err instanceof DirectoryError)) throw err;
    print(`Verzeichnis ungültig: ${err.message}`);
    return 1;
  }
  print(formatCheck(checkDirectory(entries, now, months), entries.length, months));
  return 0;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
