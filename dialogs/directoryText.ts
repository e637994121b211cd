import { checkReasons, DEFAULT_MAX_AGE_MONTHS, phonesOf, placeOf, shortName, type DirectoryEntry } from './directory';
import type { DirectoryTexts } from './directoryTexts';
import { fill } from './texts';

/** Plain-text pieces of a directory entry, shared by cards, the summary, the print page and the index. */

/** Dates as on German pages (10.02.2025, 11/2025, 2025) in both languages. */
export function formatEntryStand(stand: string | null, t: DirectoryTexts): string {
  if (!stand) return t.undated;
  const [y, m, d] = stand.split('-');
  return d ? `${d}.${m}.${y}` : m ? `${m}/${y}` : y;
}

/** The page an entry was seen on, shortened to its host for display ("koofra.de"). */
export function sourceHost(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
}

export function sourceLine(entry: DirectoryEntry, t: DirectoryTexts): string {
  return fill(t.source, { source: sourceHost(entry.source_url[0]), stand: formatEntryStand(entry.stand, t) });
}

/** "vor Nutzung prüfen (Quelle ohne Datum; nur aus Sekundärquellen)", or undefined when the entry is current and H. */
export function checkNote(entry: DirectoryEntry, t: DirectoryTexts, now: Date): string | undefined {
  const reasons = checkReasons(entry, now);
  if (!reasons.length) return undefined;
  const words = reasons.map((r) =>
    r === 'undated' ? t.checkUndated : r === 'old' ? fill(t.checkOld, { months: DEFAULT_MAX_AGE_MONTHS }) : t.checkSecondary,
  );
  return `${t.check} (${words.join('; ')})`;
}

/** "Fachberatungsstelle · für Frauen · sexuelle Ausbeutung" – from the structured fields, in the user's language. */
export function entryProfile(entry: DirectoryEntry, t: DirectoryTexts): string {
  const parts = [t.kinds[entry.kind], ...entry.groups.map((g) => t.groups[g])];
  if (!entry.forms.includes('all') && entry.kind !== 'arbeitsausbeutung') parts.push(entry.forms.map((f) => t.forms[f]).join(', '));
  return parts.join(' · ');
}

/** One line per entry: name, place, phone, e-mail, website, source and Stand, and the check note. */
export function entryLine(entry: DirectoryEntry, t: DirectoryTexts, now: Date): string {
  const place = placeOf(entry);
  const phones = phonesOf(entry).map((p) => `${p.text}${p.note ? ` (${p.note})` : ''}`);
  const reach = [
    phones.length ? `${t.phone} ${phones.join('; ')}` : '',
    entry.email ? `${t.email} ${entry.email}` : '',
    entry.website ?? '',
  ]
    .filter(Boolean)
    .join(', ');
  const check = checkNote(entry, t, now);
  return `${shortName(entry)}${place ? ` (${place})` : ''}${reach ? ` – ${reach}` : ''} – ${sourceLine(entry, t)}${check ? ` – ${check}` : ''}`;
}
