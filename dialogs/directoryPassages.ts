import path from 'node:path';
import type { Passage } from '../knowledge/chunk';
import type { IndexedSource } from '../knowledge/indexer';
import type { PassageProvider } from '../knowledge/build';
import { directoryPath, loadDirectory, phonesOf, placeOf, shortName, type Directory, type DirectoryEntry } from './directory';
import { directoryQueryPath, loadQueryVocabulary } from './directoryQuery';
import { formatEntryStand } from './directoryText';
import { fill, loadTexts, textsPath, type TextSet } from './texts';

/**
 * The directory in the search, so "KOOFRA", "JADWIGA" or "Nachtfalter" find their entry: one passage per
 * Land listing its entries. One passage per entry was measured first: short passages whose names contain
 * "Trafficking", "HELPline" or "minderjährige" outranked the sources on general questions (eval hit@1 0.891 → 0.836).
 */

/** The code that turns entries into passages: a change to it makes the index stale, like a change to the data. */
const PASSAGE_CODE = ['directoryPassages', 'directory', 'directoryQuery', 'directoryText', 'phone'].map((m) =>
  path.join(__dirname, `${m}${path.extname(__filename)}`),
);

export const directorySourceId = (land: string) => `verzeichnis-${land.toLowerCase()}`;

/** The organisation's own name: the part before the first dash ("KOOFRA", "JADWIGA München", "Nachtfalter"). */
const ownName = (e: DirectoryEntry) => shortName(e).split(' – ')[0];

function entryLine(e: DirectoryEntry, t: TextSet): string {
  const d = t.directory;
  const place = placeOf(e);
  const phones = phonesOf(e).map((p) => p.text);
  return [
    `${ownName(e)}${place ? ` (${place})` : ''}: ${d.kinds[e.kind]}`,
    phones.length ? `${d.phone} ${phones.join('; ')}` : '',
    fill(d.source, { source: e.source_url[0], stand: formatEntryStand(e.stand, d) }),
    e.confidence === 'M' ? `${d.check} (${d.checkSecondary})` : '',
  ]
    .filter(Boolean)
    .join(' – ');
}

export function directoryPassages(
  directory: Directory,
  t: TextSet,
  landName: (code: string) => string,
): { sources: IndexedSource[]; passages: Passage[] } {
  const lands = [...new Set(directory.entries.map((e) => e.land))];
  const sources: IndexedSource[] = lands.map((land) => ({
    id: directorySourceId(land),
    title: fill(t.directory.passageTitle, { land: landName(land) }),
    publisher: t.directory.passagePublisher,
    // Each entry line carries its own Stand; the compilation as a whole has no page date.
    date: null,
    dateNote: t.directory.passageStand,
    url: null,
    topics: ['kontakte', 'verzeichnis'],
    bundesland: land === 'DE' ? null : (land as IndexedSource['bundesland']),
    language: 'de',
    kind: 'directory',
  }));
  const passages: Passage[] = lands.map((land) => ({
    id: `${directorySourceId(land)}#eintraege`,
    sourceId: directorySourceId(land),
    heading: landName(land),
    text: directory.entries
      .filter((e) => e.land === land)
      .map((e) => `- ${entryLine(e, t)}`)
      .join('\n'),
  }));
  return { sources, passages };
}

export function directoryProvider(): PassageProvider {
  return {
    files: () => [directoryPath, directoryQueryPath, textsPath, ...PASSAGE_CODE],
    load: () => {
      const vocab = loadQueryVocabulary();
      const name = (code: string) => vocab.lands.find((l) => l.code === code)?.de ?? t.directory.kinds.bundesweit;
      const t = loadTexts().de;
      return directoryPassages(loadDirectory(), t, name);
    },
  };
}
