import { factLabel, factQuestion } from './factText';
import type { Language, TextSet } from './texts';
import type { Summary } from './engine';
import type { Contact } from './schema';
import { entryLine } from './directoryText';

export function formatStand(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}.${m}.${y}`;
}

export function contactLine(c: Contact, t: TextSet, now = new Date()): string {
  if (c.entry) return entryLine(c.entry, t.directory, now);
  const reach = [c.phone ? `${t.phoneLabel} ${c.phone}` : '', c.url ?? '', c.address ?? ''].filter(Boolean).join(', ');
  return `${c.name}${reach ? ` – ${reach}` : ''}${!c.phone && c.lookup ? ` – ${t.lookupLabel}: ${c.lookup}` : ''}`;
}

/** The handover note as plain text to copy into a file note. Only chosen facts, step titles, contacts and norms. */
export function summaryText(summary: Summary, t: TextSet, language: Language, created: Date): string {
  const lines = [`${t.summaryTitle} (Lotse, ${formatStand(created.toISOString().slice(0, 10))})`, '', `${t.summaryFacts}:`];
  for (const f of summary.facts) lines.push(`- ${factQuestion(f.def, language)} ${factLabel(f.def, f.value, language)}`);
  for (const c of summary.checklists) {
    if (!c.done.length && !c.open.length) continue;
    lines.push('', `${c.title}:`);
    for (const s of c.done) lines.push(`  [x] ${s.title}${s.legal.length ? ` (${s.legal.join('; ')})` : ''}`);
    for (const s of c.open) lines.push(`  [ ] ${s.title}${s.legal.length ? ` (${s.legal.join('; ')})` : ''}`);
  }
  lines.push('', `${t.summaryContacts}:`, ...summary.contacts.map((c) => `- ${contactLine(c, t, created)}`));
  lines.push('', `${t.summaryLegal}: ${summary.legal.join('; ')}`, '', t.summaryPrivacy);
  return lines.join('\n');
}
