import 'dotenv/config';
import { loadConfig } from '../src/config';
import { FeedbackStore, formatReport, type FeedbackRow } from '../src/feedback';
import { ResilientBlobStorage } from '../src/storage';
import { readIndex } from '../knowledge/build';

/**
 * npm run feedback:report [-- --url http://127.0.0.1:3978] [--json]
 * Lists the passages with the most "Nein". With STORAGE=blob it reads the container directly; with the
 * default memory storage the counts live in the running bot, so it asks that bot (local mode).
 */
async function main(argv: string[]): Promise<number> {
  const config = loadConfig();
  let rows: FeedbackRow[];
  if (config.STORAGE === 'blob') {
    rows = await new FeedbackStore(ResilientBlobStorage.forAzure(config.BLOB_CONNECTION_STRING!, config.BLOB_CONTAINER!)).report();
  } else {
    const url = argv.includes('--url') ? argv[argv.indexOf('--url') + 1] : `http://127.0.0.1:${config.PORT}`;
    try {
      const res = await fetch(`${url.replace(/\/$/, '')}/api/feedback/report`);
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      rows = ((await res.json()) as { rows: FeedbackRow[] }).rows;
    } catch (err) {
      console.error(
        `Rückmeldungen nicht abrufbar von ${url} (${(err as Error).message}). Läuft der Bot (npm start)? Im Speicher-Modus "memory" liegen sie nur im laufenden Bot.`,
      );
      return 1;
    }
  }
  if (argv.includes('--json')) {
    console.log(JSON.stringify(rows));
    return 0;
  }
  let titles = new Map<string, string>();
  try {
    const index = readIndex(config.KB_INDEX_PATH);
    const sourceTitle = new Map(index.sources.map((s) => [s.id, s.title]));
    titles = new Map(index.passages.map((p) => [p.id, `${sourceTitle.get(p.sourceId)} › ${p.heading}`]));
  } catch {
    // Without a built index the report still lists passage ids.
  }
  console.log(formatReport(rows, (id) => titles.get(id)));
  return 0;
}

main(process.argv.slice(2)).then((code) => (process.exitCode = code));
