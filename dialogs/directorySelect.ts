import type { BundeslandCode } from '../knowledge/sourceSchema';
import { fold } from '../knowledge/normalize';
import type { Directory, DirectoryEntry } from './directory';
import type { Filter } from './directoryQuery';
import type { Facts } from './schema';

/** Which directory entries answer a question or fit a case. Pure: the directory and the question in, entries out. */

export type Gap = 'police' | 'labour' | 'minors';

export interface DirectorySelection {
  land: BundeslandCode;
  city?: string;
  /** False when a city was named but no entry of the Land is there. */
  cityFound: boolean;
  filters: Filter[];
  /** True when nothing matched the filters, so all entries of the Land are shown instead. */
  unfiltered: boolean;
  entries: DirectoryEntry[];
  nationwide: DirectoryEntry[];
  gaps: Gap[];
  /** Länder that have a centre only for minors (for the minors gap note). */
  minorsCentreLands: string[];
}

const KIND_ORDER = ['fachberatungsstelle', 'arbeitsausbeutung', 'polizei', 'sonstige', 'bundesweit'];

const servesAll = (e: DirectoryEntry) => e.groups.includes('all');

function matches(e: DirectoryEntry, filter: Filter): boolean {
  switch (filter) {
    case 'labour':
      return (
        e.kind === 'arbeitsausbeutung' ||
        ((e.kind === 'fachberatungsstelle' || e.kind === 'polizei') && (e.forms.includes('labour') || e.forms.includes('all')))
      );
    case 'minors':
      return e.groups.includes('minors') || (servesAll(e) && (e.kind === 'fachberatungsstelle' || e.kind === 'polizei'));
    case 'men':
      return e.groups.includes('men') || servesAll(e);
    case 'women':
      return e.groups.includes('women') || servesAll(e);
    case 'police':
      return e.kind === 'polizei';
  }
}

export const inCity = (e: DirectoryEntry, city: string | undefined) => !!city && !!e.city && fold(e.city).includes(fold(city));

/** Specialised centres first (or the police when asked for), then those in the named city, then H before M. */
function ordered(entries: DirectoryEntry[], city: string | undefined, filters: Filter[]): DirectoryEntry[] {
  const kindRank = (e: DirectoryEntry) => (filters.includes('police') && e.kind === 'polizei' ? -1 : KIND_ORDER.indexOf(e.kind));
  return entries
    .map((e, i) => ({ e, i }))
    .sort(
      (a, b) =>
        kindRank(a.e) - kindRank(b.e) ||
        Number(inCity(b.e, city)) - Number(inCity(a.e, city)) ||
        Number(b.e.confidence === 'H') - Number(a.e.confidence === 'H') ||
        a.i - b.i,
    )
    .map(({ e }) => e);
}

const dedicatedToMinors = (e: DirectoryEntry) => e.groups.length === 1 && e.groups[0] === 'minors';

/** Nationwide services, the ones the question is about first; women-only services not when it asks about men. */
function nationwide(directory: Directory, filters: Filter[]): DirectoryEntry[] {
  const viaTargets = new Set(directory.entries.map((e) => e.via).filter(Boolean));
  const relevant = (e: DirectoryEntry) =>
    (filters.includes('minors') && e.groups.includes('minors')) || (filters.includes('labour') && e.forms.includes('labour'));
  return directory.entries
    .filter((e) => e.land === 'DE' && !viaTargets.has(e.id))
    .filter((e) => !(filters.includes('men') && e.groups.length === 1 && e.groups[0] === 'women'))
    .map((e, i) => ({ e, i }))
    .sort((a, b) => Number(relevant(b.e)) - Number(relevant(a.e)) || a.i - b.i)
    .map(({ e }) => e);
}

export function selectForQuestion(
  directory: Directory,
  question: { land: BundeslandCode; city?: string; filters: Filter[] },
): DirectorySelection {
  const { land, city, filters } = question;
  const all = directory.entries.filter((e) => e.land === land);
  const filtered = all.filter((e) => filters.every((f) => matches(e, f)));
  const unfiltered = filtered.length === 0;
  const gaps: Gap[] = [];
  if (!all.some((e) => e.kind === 'polizei')) gaps.push('police');
  if (filters.includes('labour') && !all.some((e) => e.kind === 'arbeitsausbeutung')) gaps.push('labour');
  if (filters.includes('minors') && !all.some(dedicatedToMinors)) gaps.push('minors');
  return {
    land,
    city,
    cityFound: !city || all.some((e) => inCity(e, city)),
    filters,
    unfiltered,
    entries: ordered(unfiltered ? all : filtered, city, filters),
    nationwide: nationwide(directory, filters),
    gaps,
    minorsCentreLands: [...new Set(directory.entries.filter((e) => e.land !== 'DE' && dedicatedToMinors(e)).map((e) => e.land))],
  };
}

/** The case facts as filters: the exploitation form and the age group (gender is not asked). */
export function filtersForCase(facts: Facts): Filter[] {
  const filters: Filter[] = [];
  if (facts.exploitation === 'labour') filters.push('labour');
  if (facts.age === 'u18') filters.push('minors');
  return filters;
}

/** The case Land's entries of these kinds that fit the case; all of those kinds when none fits. */
export function entriesForCase(directory: Directory, facts: Facts, kinds: string[]): DirectoryEntry[] {
  if (!facts.land) return [];
  const ofKind = directory.entries.filter((e) => e.land === facts.land && kinds.includes(e.kind));
  const filters = filtersForCase(facts);
  const sexual = facts.exploitation === 'sexual';
  const fitting = ofKind.filter(
    (e) =>
      filters.every((f) => matches(e, f)) &&
      (!sexual || e.kind !== 'fachberatungsstelle' || e.forms.includes('sexual') || e.forms.includes('all')),
  );
  return ordered(fitting.length ? fitting : ofKind, undefined, filters);
}

/** Phone lines of the Land for first contact (e.g. the Bavarian Anti-Trafficking HELPline), for the emergency card. */
export function hotlinesOf(directory: Directory, land: BundeslandCode | undefined): DirectoryEntry[] {
  return land ? directory.entries.filter((e) => e.land === land && e.hotline) : [];
}
