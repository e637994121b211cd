import { phonesOf, placeOf, shortName, type Directory, type DirectoryEntry } from '../dialogs/directory';
import type { QueryVocabulary } from '../dialogs/directoryQuery';
import { lookupDirectory } from '../dialogs/directorySearch';
import { checkNote, entryProfile, formatEntryStand, sourceHost } from '../dialogs/directoryText';
import type { Language, Texts } from '../dialogs/texts';
import type { ResultView } from './cards/extensionCards';
import type { DirectoryResults } from './extensionSearch';

/** A directory entry as a message-extension result: the same fields, source and Stand as the directory card. */
function entryResult(entry: DirectoryEntry, language: Language, texts: Texts, now: Date): ResultView {
  const d = texts[language].directory;
  const phones = phonesOf(entry).map((p) => `${p.text}${p.note ? ` (${p.note})` : ''}`);
  const place = placeOf(entry);
  const profile = entryProfile(entry, d);
  const check = checkNote(entry, d, now);
  return {
    id: `verzeichnis:${entry.id}`,
    language,
    heading: shortName(entry),
    previewLine: place ? `${place} · ${profile}` : profile,
    text: entry.summary?.[language] ?? profile,
    facts: [
      ...(phones.length ? [{ label: d.phone, value: phones.join('; ') }] : []),
      ...(entry.email ? [{ label: d.email, value: entry.email }] : []),
      ...(entry.website ? [{ label: d.website, value: entry.website }] : []),
      ...(entry.hours ? [{ label: d.hours, value: entry.hours }] : []),
    ],
    source: {
      title: sourceHost(entry.source_url[0]),
      publisher: entry.organisation ?? shortName(entry),
      stand: formatEntryStand(entry.stand, d),
      url: entry.source_url[0],
    },
    warnings: check ? [check] : [],
  };
}

/**
 * The directory for the Teams message extension: a named Land or city gives its entries (specialised centres
 * first) and then the nationwide services; an organisation name gives that organisation. A contact question
 * without a Land gives nothing here: the extension then shows the passages, and the chat asks for the Land.
 */
export function directoryExtensionResults(
  directory: Directory,
  vocabulary: QueryVocabulary,
  texts: Texts,
  now: () => Date,
): DirectoryResults {
  return (query, language) => {
    const found = lookupDirectory(query, directory, vocabulary);
    if (!found || found.kind === 'askLand') return [];
    const entries = found.kind === 'land' ? [...found.selection.entries, ...found.selection.nationwide] : found.entries;
    return entries.map((e) => entryResult(e, language, texts, now()));
  };
}
