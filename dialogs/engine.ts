import type { Checklist, Contact, FactDef, Facts, FactKey, Step } from './schema';
import { FACT_VALUES } from './schema';
import type { Directory, DirectoryEntry } from './directory';
import { shortName } from './directory';
import { entriesForCase } from './directorySelect';

/** What Lotse keeps of a checklist conversation: enums and ids only, never free text. */
export interface Progress {
  facts: Facts;
  checklistId?: string;
  /** Position within the visible steps of the open checklist. */
  position: number;
  /** Qualified step ids "checklist/step". */
  done: string[];
  later: string[];
  /** A checklist chosen before all case facts were known; it opens once they are. */
  target?: string;
}

/** The step a card button belongs to. Typed commands carry none: they apply to whatever is current. */
export interface StepRef {
  checklistId: string;
  stepId: string;
}

export type Action =
  /** `facts`: case facts the user confirmed on a button before starting (recognised in a question); others are asked. */
  | { type: 'start'; facts?: Facts }
  /** `index`: the question's position on the card the button was on; absent for typed input. */
  | { type: 'fact'; key: FactKey; value: string; index?: number }
  | { type: 'open'; checklistId: string }
  | { type: 'done'; step?: StepRef }
  | { type: 'later'; step?: StepRef }
  | { type: 'back'; step?: StepRef }
  /** "Mehr dazu": shows the passage the current step cites. */
  | { type: 'more'; step?: StepRef }
  | { type: 'resume' }
  | { type: 'menu' }
  | { type: 'summary' }
  | { type: 'cancel' };

export interface ChecklistOverview {
  id: string;
  title: string;
  intro: string;
  total: number;
  done: number;
}

export interface Summary {
  /** The chosen case facts; the wording in the user's language comes from factText.ts. */
  facts: Array<{ key: FactKey; def: FactDef; value: string }>;
  checklists: Array<{ id: string; title: string; done: Step[]; open: Step[] }>;
  contacts: Contact[];
  legal: string[];
}

export type View =
  | { kind: 'fact'; def: FactDef; index: number; total: number }
  | { kind: 'menu'; checklists: ChecklistOverview[]; suggested?: string }
  | {
      kind: 'step';
      checklist: Checklist;
      step: Step;
      position: number;
      total: number;
      status: 'open' | 'done' | 'later';
      contacts: Contact[];
    }
  | { kind: 'checklistDone'; checklist: Checklist; openSteps: Step[]; next?: ChecklistOverview }
  | { kind: 'summary'; summary: Summary }
  | { kind: 'more'; checklist: Checklist; step: Step }
  | { kind: 'cancelled' }
  | { kind: 'nothingToResume' };

export interface Definitions {
  checklists: Checklist[];
  contacts: Map<string, Contact>;
  facts: FactDef[];
  /** The checked directory; without it contacts stay generic. */
  directory?: Directory;
}

export interface Outcome {
  progress: Progress | undefined;
  view: View;
  /** The action came from a card that no longer matches the current question or step: nothing changed. */
  stale?: true;
}

const key = (checklist: Checklist, step: Step) => `${checklist.id}/${step.id}`;

export function stepApplies(step: Step, facts: Facts): boolean {
  if (!step.when) return true;
  return (Object.entries(step.when) as Array<[FactKey, string[]]>).every(
    ([k, allowed]) => facts[k] !== undefined && allowed.includes(facts[k] as string),
  );
}

export function visibleSteps(checklist: Checklist, facts: Facts): Step[] {
  return checklist.steps.filter((s) => stepApplies(s, facts));
}

/** A directory entry in the shape of a contact, so every contact list can show it. */
export function entryContact(entry: DirectoryEntry): Contact {
  return {
    id: `verzeichnis-${entry.id}`,
    name: shortName(entry),
    kind: entry.kind === 'polizei' ? 'behoerde' : 'beratung',
    phone: entry.phone ?? undefined,
    url: entry.website,
    lands: entry.land === 'DE' ? [] : [entry.land],
    minorsOnly: false,
    description: entry.focus,
    source: entry.source_url[0],
    stand: entry.stand ?? '',
    entry,
  };
}

/**
 * Contacts for a step, for this Land and age group: Land-specific entries only where they apply. A contact
 * that points to the directory is replaced by the case Land's entries that fit the case, when there are any.
 */
export function contactsFor(ids: string[], defs: Definitions, facts: Facts): Contact[] {
  const out = new Map<string, Contact>();
  for (const id of ids) {
    const c = defs.contacts.get(id);
    if (
      !c ||
      !((c.lands.length === 0 || (facts.land !== undefined && c.lands.includes(facts.land))) && (!c.minorsOnly || facts.age === 'u18'))
    )
      continue;
    const entries = c.directory && defs.directory ? entriesForCase(defs.directory, facts, c.directory.kinds) : [];
    if (!entries.length || c.directory?.keep) out.set(c.id, c);
    for (const e of entries) out.set(`verzeichnis-${e.id}`, entryContact(e));
  }
  return [...out.values()];
}

function nextMissingFact(defs: Definitions, facts: Facts): number {
  return defs.facts.findIndex((d) => facts[d.key] === undefined);
}

function overview(defs: Definitions, progress: Progress): ChecklistOverview[] {
  return defs.checklists.map((c) => {
    const steps = visibleSteps(c, progress.facts);
    return {
      id: c.id,
      title: c.title,
      intro: c.intro,
      total: steps.length,
      done: steps.filter((s) => progress.done.includes(key(c, s))).length,
    };
  });
}

export function summarize(defs: Definitions, progress: Progress): Summary {
  const facts = defs.facts
    .filter((d) => progress.facts[d.key] !== undefined)
    .map((d) => ({ key: d.key, def: d, value: String(progress.facts[d.key]) }));
  const checklists = defs.checklists.map((c) => {
    const steps = visibleSteps(c, progress.facts);
    return {
      id: c.id,
      title: c.title,
      done: steps.filter((s) => progress.done.includes(key(c, s))),
      open: steps.filter((s) => !progress.done.includes(key(c, s))),
    };
  });
  const allSteps = defs.checklists.flatMap((c) => visibleSteps(c, progress.facts));
  const contacts = contactsFor([...new Set(allSteps.flatMap((s) => s.contacts))], defs, progress.facts);
  const legal = [...new Set(allSteps.flatMap((s) => s.legal))];
  return { facts, checklists, contacts, legal };
}

function current(defs: Definitions, progress: Progress): View {
  const missing = nextMissingFact(defs, progress.facts);
  if (missing >= 0) return { kind: 'fact', def: defs.facts[missing], index: missing, total: defs.facts.length };
  const checklist = defs.checklists.find((c) => c.id === progress.checklistId);
  const all = overview(defs, progress);
  if (!checklist) {
    const suggested = all.find((c) => c.done < c.total)?.id;
    return { kind: 'menu', checklists: all, suggested };
  }
  const steps = visibleSteps(checklist, progress.facts);
  if (progress.position >= steps.length) {
    const openSteps = steps.filter((s) => !progress.done.includes(key(checklist, s)));
    const next = all.find(
      (c) =>
        c.id !== checklist.id && c.done < c.total && defs.checklists.findIndex((d) => d.id === c.id) > defs.checklists.indexOf(checklist),
    );
    return { kind: 'checklistDone', checklist, openSteps, next };
  }
  const step = steps[progress.position];
  const k = key(checklist, step);
  const status = progress.done.includes(k) ? 'done' : progress.later.includes(k) ? 'later' : 'open';
  return {
    kind: 'step',
    checklist,
    step,
    position: progress.position,
    total: steps.length,
    status,
    contacts: contactsFor(step.contacts, defs, progress.facts),
  };
}

function openChecklist(defs: Definitions, p: Progress, checklistId: string): void {
  const checklist = defs.checklists.find((c) => c.id === checklistId)!;
  // Reopening a checklist continues at its first step not yet done.
  const firstOpen = visibleSteps(checklist, p.facts).findIndex((s) => !p.done.includes(key(checklist, s)));
  p.checklistId = checklistId;
  p.position = firstOpen < 0 ? 0 : firstOpen;
  delete p.target;
}

/**
 * A click on an older card (or a second click on the same one) names a step or question that is no
 * longer current; applying it would tick a step the user never saw or overwrite a later answer.
 */
function isStale(defs: Definitions, progress: Progress, action: Action): boolean {
  if (action.type === 'fact') {
    const missing = nextMissingFact(defs, progress.facts);
    if (missing < 0 || defs.facts[missing].key !== action.key) return true;
    return action.index !== undefined && action.index !== missing;
  }
  if (action.type !== 'done' && action.type !== 'later' && action.type !== 'back' && action.type !== 'more') return false;
  if (!action.step) return false;
  const view = current(defs, progress);
  return view.kind !== 'step' || view.checklist.id !== action.step.checklistId || view.step.id !== action.step.stepId;
}

const fresh = (): Progress => ({ facts: {}, position: 0, done: [], later: [] });

/** The checklist engine: (definitions, progress, action) → (new progress, what to show). Pure. */
export function reduce(defs: Definitions, progress: Progress | undefined, action: Action): Outcome {
  if (action.type === 'start' || (action.type === 'open' && !progress)) {
    const next = fresh();
    if (action.type === 'start')
      for (const [k, v] of Object.entries(action.facts ?? {})) {
        if ((FACT_VALUES[k as FactKey] as readonly string[] | undefined)?.includes(v as string))
          (next.facts as Record<string, string>)[k] = v as string;
      }
    if (action.type === 'open' && defs.checklists.some((c) => c.id === action.checklistId)) next.target = action.checklistId;
    return { progress: next, view: current(defs, next) };
  }
  if (action.type === 'cancel') return { progress: undefined, view: { kind: 'cancelled' } };
  if (!progress) return { progress, view: { kind: 'nothingToResume' } };
  if (isStale(defs, progress, action)) return { progress, view: current(defs, progress), stale: true };
  const p: Progress = { ...progress, facts: { ...progress.facts }, done: [...progress.done], later: [...progress.later] };
  const missing = nextMissingFact(defs, p.facts);

  switch (action.type) {
    case 'fact': {
      const allowed = FACT_VALUES[action.key] as readonly string[] | undefined;
      if (allowed?.includes(action.value)) (p.facts as Record<string, string>)[action.key] = action.value;
      break;
    }
    case 'open':
      if (defs.checklists.some((c) => c.id === action.checklistId)) p.target = action.checklistId;
      break;
    case 'done':
    case 'later': {
      const view = current(defs, p);
      if (view.kind !== 'step') break;
      const k = key(view.checklist, view.step);
      p.done = p.done.filter((d) => d !== k);
      p.later = p.later.filter((d) => d !== k);
      (action.type === 'done' ? p.done : p.later).push(k);
      p.position += 1;
      break;
    }
    case 'more': {
      const view = current(defs, p);
      if (view.kind === 'step') return { progress: p, view: { kind: 'more', checklist: view.checklist, step: view.step } };
      break;
    }
    case 'back':
      if (p.checklistId && p.position > 0) p.position -= 1;
      else if (missing < 0 && !p.checklistId) delete p.facts[defs.facts[defs.facts.length - 1].key];
      break;
    case 'menu':
      delete p.checklistId;
      p.position = 0;
      break;
    case 'summary':
      if (missing >= 0) break;
      return { progress: p, view: { kind: 'summary', summary: summarize(defs, p) } };
    case 'resume':
      break;
  }
  if (p.target && nextMissingFact(defs, p.facts) < 0) openChecklist(defs, p, p.target);
  return { progress: p, view: current(defs, p) };
}
