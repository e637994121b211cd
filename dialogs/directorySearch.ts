import { fold } from '../knowledge/normalize';
import { shortName, type Directory, type DirectoryEntry } from './directory';
import { filtersOf, findPlace, parseContactQuestion, type Filter, type QueryVocabulary } from './directoryQuery';
import { selectForQuestion, type DirectorySelection } from './directorySelect';

/**
 * One entry point for any surface that searches the directory (chat, Teams message extension):
 * "Beratungsstelle Hamburg", "Hamburg", "KOOFRA", "Arbeitsausbeutung NRW". Pure.
 */
export type DirectoryLookup =
  /** A Land (or city) was named: its entries, gaps and the nationwide services. */
  | { kind: 'land'; selection: DirectorySelection }
  /** Organisation names matched ("KOOFRA", "JADWIGA"). */
  | { kind: 'names'; entries: DirectoryEntry[] }
  /** A contact question without a Land: ask for it (with these filters). */
  | { kind: 'askLand'; filters: Filter[] };

/** Entries whose own name contains every word of the query ("jadwiga", "solwodi bonn"); words of 3+ letters. */
export function entriesByName(query: string, directory: Directory): DirectoryEntry[] {
  const words = fold(query).match(/[a-z0-9]{3,}/g) ?? [];
  if (!words.length) return [];
  return directory.entries.filter((e) => {
    const name = fold(shortName(e));
    return words.every((w) => name.includes(w));
  });
}

/**
 * For a search box: a named place wins (even without "Beratungsstelle"), then organisation names, then a
 * contact question without a place (ask for the Land). Undefined when the text is none of these.
 */
export function lookupDirectory(query: string, directory: Directory, vocab: QueryVocabulary): DirectoryLookup | undefined {
  const place = findPlace(query, vocab);
  if (place.land)
    return {
      kind: 'land',
      selection: selectForQuestion(directory, { land: place.land, city: place.city, filters: filtersOf(query, vocab) }),
    };
  const byName = entriesByName(query, directory);
  if (byName.length) return { kind: 'names', entries: byName };
  const asked = parseContactQuestion(query, vocab);
  return asked ? { kind: 'askLand', filters: asked.filters } : undefined;
}
