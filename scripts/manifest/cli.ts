import path from 'node:path';
import { buildAppPackage } from './build';
import { findProjectRoot } from './settings';

const USAGE = `npm run manifest [-- --example] [-- --out <datei.zip>]

Baut das Teams-App-Paket aus manifest/manifest.template.json und den Symbolen in manifest/.
Einstellungen aus .env und der Umgebung: MicrosoftAppId, PUBLIC_URL, TEAMS_* (siehe .env.example).

  --example     Beispielpaket aus .env.example mit Beispiel-Bot-ID und -Host (für CI/Tests),
                geschrieben nach build/appPackage.example.zip
  --out <datei> Zieldatei statt build/appPackage.zip`;

/** A path relative to the project when it lies inside it, else absolute. */
function shown(root: string, file: string): string {
  const rel = path.relative(root, file);
  return rel.startsWith('..') || path.isAbsolute(rel) ? file : rel;
}

/** The command line of `npm run manifest`; returns the exit code (0 built, 1 problems, 2 usage). */
export async function main(argv: string[], root: string = findProjectRoot()): Promise<number> {
  let example = false;
  let outFile: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--example') example = true;
    else if (arg === '--out' && argv[i + 1]) outFile = path.resolve(argv[++i]);
    else if (arg === '--help' || arg === '-h') {
      console.log(USAGE);
      return 0;
    } else {
      console.error(`Unbekannte Option: ${arg}\n\n${USAGE}`);
      return 2;
    }
  }
  const result = await buildAppPackage({ example, outFile, root });
  for (const w of result.warnings) console.warn(`Hinweis – ${w}`);
  if (!result.ok) {
    console.error(`Teams-App-Paket NICHT gebaut – ${result.problems.length} Problem(e):`);
    for (const p of result.problems) console.error(`  - ${p}`);
    if (result.removedStale) console.error(`Das ältere Paket ${shown(root, result.removedStale)} wurde entfernt.`);
    return 1;
  }
  const m = result.manifest as { manifestVersion: string; id: string; bots: Array<{ botId: string }>; validDomains: string[] };
  console.log(
    `${shown(root, result.zipPath!)} geschrieben: manifest.json (Manifest ${m.manifestVersion}, Schema geprüft), color.png, outline.png` +
      `\n  App-ID ${m.id}, Bot-ID ${m.bots[0].botId}, Domain ${m.validDomains.join(', ')}` +
      (example ? '\n  (Beispielpaket – nicht in Teams hochladen; dafür .env ausfüllen und npm run manifest ohne --example)' : ''),
  );
  return 0;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err) => {
      console.error(err);
      process.exit(1);
    },
  );
}
