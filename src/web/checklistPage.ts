import { contactsFor, visibleSteps, type Definitions } from '../../dialogs/engine';
import type { LawChangeData } from '../../dialogs/amendments';
import { stepLawChangeNote } from '../lawChangeNotes';
import { FACT_KEYS, FACT_VALUES, type Facts } from '../../dialogs/schema';
import { contactLine, formatStand } from '../../dialogs/summaryText';
import { factLabel, factQuestion } from '../../dialogs/factText';
import { fill, type Language, type TextSet } from '../../dialogs/texts';

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** Reads case facts from query parameters; anything unknown is an error, never echoed into the page. */
export function factsFromQuery(query: Record<string, unknown>): { facts: Facts; invalid: string[] } {
  const facts: Record<string, string> = {};
  const invalid: string[] = [];
  for (const key of FACT_KEYS) {
    const value = query[key];
    if (value === undefined) continue;
    if (typeof value === 'string' && (FACT_VALUES[key] as readonly string[]).includes(value)) facts[key] = value;
    else invalid.push(key);
  }
  return { facts: facts as Facts, invalid };
}

export function checklistQuery(facts: Facts): string {
  return FACT_KEYS.filter((k) => facts[k] !== undefined)
    .map((k) => `${k}=${encodeURIComponent(String(facts[k]))}`)
    .join('&');
}

const STYLE = `body{font:11pt/1.45 system-ui,-apple-system,"Segoe UI",Arial,sans-serif;color:#111;max-width:48rem;margin:2rem auto;padding:0 1rem}
h1{font-size:1.5rem;margin:0 0 .25rem}h2{font-size:1.15rem;border-bottom:2px solid #1d3f6e;padding-bottom:.15rem;margin-top:1.6rem;break-after:avoid}
.step{display:grid;grid-template-columns:1.6rem 1fr;gap:.25rem .5rem;margin:.7rem 0;break-inside:avoid}
.box{width:1rem;height:1rem;border:1.5px solid #111;margin-top:.2rem}.meta{font-size:.85rem;color:#444}.caution{font-size:.85rem;color:#7a4b00}
dl{display:grid;grid-template-columns:auto 1fr;gap:.1rem 1rem}dt{font-weight:600}.note{background:#eef3f9;padding:.5rem .75rem;border-left:4px solid #1d3f6e}
@media print{body{margin:0}.noprint{display:none}}`;

/** A print-friendly checklist for the chosen case facts: steps, norms, Stand, contacts, boxes to tick. No personal data. */
export function renderChecklistPage(
  defs: Definitions & { lawChanges?: LawChangeData },
  facts: Facts,
  t: TextSet,
  lang: Language,
  created: Date,
): string {
  const factRows = defs.facts
    .filter((d) => facts[d.key] !== undefined)
    .map((d) => `<dt>${esc(factQuestion(d, lang))}</dt><dd>${esc(factLabel(d, String(facts[d.key]), lang))}</dd>`)
    .join('');
  const sections = defs.checklists
    .map((c) => {
      const steps = visibleSteps(c, facts)
        .map((s) => {
          const contacts = contactsFor(s.contacts, defs, facts)
            .map((x) => esc(contactLine(x, t, created)))
            .join('; ');
          const lawChange = defs.lawChanges && stepLawChangeNote(s, defs.lawChanges, t, lang, created);
          return `<div class="step"><div class="box" role="img" aria-label="${esc(t.printCheckbox)}"></div><div><strong>${esc(s.title)}</strong><br>${esc(s.do)}
<div class="meta">${t.stepWhy}: ${esc(s.why)}</div>${contacts ? `<div class="meta">${t.stepContacts}: ${contacts}</div>` : ''}
<div class="meta">${s.legal.length ? `${t.stepLegal}: ${esc(s.legal.join('; '))} · ` : ''}${t.standLabel}: ${s.stand ? formatStand(s.stand) : t.dateUnknown}</div>
${s.confidence === 'L' ? `<div class="caution">${esc(t.uncertainFact)}</div>` : ''}${s.caution ? `<div class="caution">${esc(s.caution)}</div>` : ''}${lawChange ? `<div class="caution">${esc(lawChange)}</div>` : ''}</div></div>`;
        })
        .join('\n');
      return steps ? `<section><h2>${esc(c.title)}</h2><p class="meta">${esc(c.intro)}</p>${steps}</section>` : '';
    })
    .join('\n');
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${esc(t.printTitle)}</title><style>${STYLE}</style></head><body><main>
<h1>${esc(t.printHeading)}</h1>
<p class="meta">${esc(fill(t.printCreated, { date: formatStand(created.toISOString().slice(0, 10)) }))} ${esc(t.summaryPrivacy)}</p>
<p class="note">${esc(t.emergency)}</p>
${factRows ? `<h2>${t.summaryFacts}</h2><dl>${factRows}</dl>` : ''}
${sections}
<p class="noprint"><button type="button" id="print">${esc(t.printButton)}</button></p>
<script src="/checkliste/drucken.js" defer></script>
</main></body></html>`;
}

/** The page for invalid facts in the link: names the bad keys (never their values). */
export function renderInvalidPage(invalid: string[], t: TextSet, lang: string): string {
  return `<!doctype html><html lang="${lang}"><meta charset="utf-8"><title>Lotse</title><p>${esc(fill(t.printInvalid, { keys: invalid.join(', ') }))}</p></html>`;
}
