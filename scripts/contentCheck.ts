import { ContentError, loadDialogContent } from '../dialogs/content';
import { AmendmentsError } from '../dialogs/amendments';
import { contentReport, formatContentReport } from '../dialogs/contentReport';

const USAGE = 'npm run content:check [-- --today JJJJ-MM-TT] [--amendments DATEI] [--checklists ORDNER] [--contacts DATEI]';

function option(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
}

/**
 * Validates checklists, contacts and law changes and prints what to re-check. Exit 0 with the report when
 * the content is valid (findings are work to do, not failures); 1 only when a file is invalid.
 */
export function main(argv: string[], out: (line: string) => void = console.log, err: (line: string) => void = console.error): number {
  const today = option(argv, '--today') ?? new Date().toISOString().slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today)) {
    err(`--today: erwartet ein Datum wie 2026-12-01. ${USAGE}`);
    return 1;
  }
  try {
    const content = loadDialogContent({
      today,
      amendmentsFile: option(argv, '--amendments'),
      dir: option(argv, '--checklists'),
      contactsFile: option(argv, '--contacts'),
    });
    out(formatContentReport(contentReport(content, today)));
    return 0;
  } catch (e) {
    if (!(e instanceof ContentError || e instanceof AmendmentsError)) throw e;
    err(`Ungültige Inhalte: ${e.message}`);
    return 1;
  }
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
