import type { DialogContent } from './content';
import { stepLawChanges } from './lawChanges';

/** What a content editor must re-check, computed from the loaded content (pure). */
export interface ContentReport {
  today: string;
  /** (a) per amendment: steps whose Stand predates it and that cite the law. */
  amended: Array<{ amendment: string; steps: Array<{ ref: string; stand: string | null; norms: string[] }> }>;
  /** Amendments not yet in force, and entries whose promulgation is missing. */
  upcoming: string[];
  gaps: string[];
  /** (b) not checked for more than 12 months, or never dated. */
  stale: Array<{ ref: string; stand: string | null }>;
  /** (c) L-marked steps whose text does not say "prüfen"/"klären". */
  lowAsFact: string[];
  /** (d) every cited norm with the number of steps citing it. */
  norms: Array<{ norm: string; steps: number }>;
}

/** Confidence L must read as a task ("prüfen", "klären"), never as a statement of fact. */
export const L_MARKER = /prüf|klär/i;

function yearBefore(today: string): string {
  const [y, m, d] = today.split('-');
  return `${Number(y) - 1}-${m}-${d}`;
}

const describe = (a: DialogContent['lawChanges']['amendments'][number]) =>
  a.kind === 'replacement'
    ? `${a.law} → ${a.replacedBy} ab ${a.inForce}${a.promulgation ? ` (${a.promulgation})` : ''} [${a.id}]`
    : `${a.law} ab ${a.inForce}, ${a.promulgation}, Normen: ${a.norms === 'unknown' ? 'unbekannt' : a.norms.join('; ')} [${a.id}]`;

export function contentReport(content: DialogContent, today: string): ContentReport {
  const data = content.lawChanges;
  const steps = content.checklists.flatMap((c) => c.steps.map((step) => ({ ref: `${c.id}/${step.id}`, step })));
  const amended = data.amendments
    .filter((a) => a.inForce <= today)
    .map((a) => ({
      amendment: describe(a),
      steps: steps.flatMap(({ ref, step }) => {
        const change = stepLawChanges(step, today, data).changes.find((c) => c.id === a.id);
        return change ? [{ ref, stand: step.stand, norms: change.kind === 'lawChange' ? change.norms : [change.law] }] : [];
      }),
    }));
  const cutoff = yearBefore(today);
  const contacts = [...content.contacts.values()].map((c) => ({ ref: `Kontakt ${c.id}`, stand: c.stand as string | null }));
  const stale = [...steps.map(({ ref, step }) => ({ ref, stand: step.stand })), ...contacts].filter(
    (x) => x.stand === null || x.stand < cutoff,
  );
  const counts = new Map<string, number>();
  for (const { step } of steps) for (const norm of new Set(step.legal)) counts.set(norm, (counts.get(norm) ?? 0) + 1);
  return {
    today,
    amended,
    upcoming: data.amendments.filter((a) => a.inForce > today).map(describe),
    gaps: data.amendments.flatMap((a) =>
      a.kind === 'replacement' && a.promulgationMissing ? [`${describe(a)}: Fundstelle fehlt – ${a.promulgationMissing}`] : [],
    ),
    stale,
    lowAsFact: steps
      .filter(({ step }) => step.confidence === 'L' && !L_MARKER.test(`${step.title} ${step.do} ${step.why}`))
      .map(({ ref }) => ref),
    norms: [...counts].map(([norm, n]) => ({ norm, steps: n })).sort((a, b) => b.steps - a.steps || a.norm.localeCompare(b.norm, 'de')),
  };
}

const date = (iso: string | null) => (iso ? iso.split('-').reverse().join('.') : 'unbekannt');

export function formatContentReport(r: ContentReport): string {
  const out = [`Inhaltsprüfung, Stand ${date(r.today)}`, '', '(a) Schritte mit Stand vor einer Rechtsänderung, die sie zitieren:'];
  for (const a of r.amended) {
    out.push(`  ${a.amendment}: ${a.steps.length} Schritt(e)`);
    for (const s of a.steps) out.push(`    - ${s.ref} (Stand ${date(s.stand)}): ${s.norms.join('; ')}`);
  }
  if (r.upcoming.length) out.push('  Noch nicht in Kraft:', ...r.upcoming.map((u) => `    - ${u}`));
  if (r.gaps.length) out.push('  Lücken in der Änderungsdatei:', ...r.gaps.map((g) => `    - ${g}`));
  out.push(
    '',
    `(b) Länger als 12 Monate nicht geprüft oder ohne Datum: ${r.stale.length}`,
    ...r.stale.map((s) => `    - ${s.ref} (Stand ${date(s.stand)})`),
  );
  out.push(
    '',
    `(c) Als L markiert, aber nicht als „prüfen“/„klären“ formuliert: ${r.lowAsFact.length}`,
    ...r.lowAsFact.map((s) => `    - ${s}`),
  );
  out.push(
    '',
    `(d) Zitierte Normen (${r.norms.length}), mit Zahl der Schritte:`,
    ...r.norms.map((n) => `    ${String(n.steps).padStart(3)}  ${n.norm}`),
  );
  return out.join('\n');
}
