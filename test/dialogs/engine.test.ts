import { loadDialogContent } from '../../dialogs/content';
import { reduce, visibleSteps, type Outcome, type Progress } from '../../dialogs/engine';
import type { Facts } from '../../dialogs/schema';
import { CASES } from '../helpers/cases';

const defs = loadDialogContent();

function withFacts(facts: Required<Facts>): Outcome {
  let out = reduce(defs, undefined, { type: 'start' });
  for (const def of defs.facts) {
    expect(out.view.kind).toBe('fact');
    out = reduce(defs, out.progress, { type: 'fact', key: def.key, value: facts[def.key] });
  }
  return out;
}

const titles = (id: string, facts: Facts) =>
  visibleSteps(
    defs.checklists.find((c) => c.id === id)!,
    facts,
  )
    .map((s) => `${s.title} ${s.do} ${s.legal.join(' ')}`)
    .join('\n');

describe('checklist engine', () => {
  it('asks the case facts first, one by one, then shows the menu', () => {
    const out = withFacts(CASES[0].facts);
    expect(out.view.kind).toBe('menu');
    expect(out.progress!.facts).toEqual(CASES[0].facts);
  });

  it('ignores a fact value that is not one of the buttons', () => {
    const start = reduce(defs, undefined, { type: 'start' });
    const out = reduce(defs, start.progress, { type: 'fact', key: 'land', value: 'Max Mustermann' });
    expect(out.progress!.facts).toEqual({});
  });

  it.each(CASES)('walks every checklist to its end: $name', ({ facts }) => {
    let out = withFacts(facts);
    for (const checklist of defs.checklists) {
      out = reduce(defs, out.progress, { type: 'open', checklistId: checklist.id });
      const total = visibleSteps(checklist, facts).length;
      for (let i = 0; i < total; i++) {
        expect(out.view).toMatchObject({ kind: 'step', position: i, total });
        out = reduce(defs, out.progress, { type: i % 3 === 2 ? 'later' : 'done' });
      }
      expect(out.view.kind).toBe('checklistDone');
    }
    const summary = reduce(defs, out.progress, { type: 'summary' });
    expect(summary.view.kind).toBe('summary');
  });

  it('tailors steps: adult non-EU woman in NRW gets § 25 Abs. 4a, Bedenkfrist and LVR/LWL, no Jugendamt', () => {
    const f = CASES[0].facts;
    expect(titles('aufenthalt', f)).toMatch(/§ 25 Abs\. 4a AufenthG/);
    expect(titles('aufenthalt', f)).toMatch(/§ 59 Abs\. 7 AufenthG/);
    expect(titles('aufenthalt', f)).not.toMatch(/FreizügG/);
    expect(titles('entschaedigung', f)).toMatch(/LVR|LWL/);
    expect(titles('erstkontakt', f)).not.toMatch(/§ 42 Abs\. 1 SGB VIII/);
  });

  it('tailors steps: a 16-year-old gets Jugendamt and § 42 SGB VIII early in the first contact', () => {
    const steps = visibleSteps(defs.checklists[0], CASES[1].facts);
    const jugendamt = steps.findIndex((s) => s.legal.includes('§ 42 Abs. 1 SGB VIII'));
    expect(jugendamt).toBeGreaterThanOrEqual(0);
    expect(jugendamt).toBeLessThanOrEqual(1);
    expect(titles('entschaedigung', CASES[1].facts)).not.toMatch(/LVR|LWL/);
  });

  it('tailors steps: an EU citizen gets Freizügigkeit instead of § 25 Abs. 4a; labour exploitation brings FKS', () => {
    const f = CASES[2].facts;
    expect(titles('aufenthalt', f)).toMatch(/FreizügG\/EU/);
    const ids = visibleSteps(
      defs.checklists.find((c) => c.id === 'aufenthalt')!,
      f,
    ).map((s) => s.id);
    expect(ids).not.toContain('bedenkfrist');
    expect(ids.filter((id) => /25-4a/.test(id))).toEqual([]);
    expect(titles('aufenthalt', f)).toMatch(/Prüfen Sie .*§ 25 Abs\. 4a/);
    expect(titles('kontakte', f)).toMatch(/SchwarzArbG|Finanzkontrolle Schwarzarbeit/);
  });

  it('puts the emergency first when there is immediate danger', () => {
    const out = reduce(defs, withFacts(CASES[3].facts).progress, { type: 'open', checklistId: 'erstkontakt' });
    expect(out.view.kind).toBe('step');
    if (out.view.kind === 'step') {
      expect(out.view.position).toBe(0);
      expect(out.view.contacts.map((c) => c.phone)).toContain('110');
    }
  });

  it('goes back, keeps "later" steps open and lists them at the end', () => {
    let out = reduce(defs, withFacts(CASES[0].facts).progress, { type: 'open', checklistId: 'unterkunft' });
    out = reduce(defs, out.progress, { type: 'later' });
    out = reduce(defs, out.progress, { type: 'back' });
    expect(out.view).toMatchObject({ kind: 'step', position: 0, status: 'later' });
    const p = out.progress as Progress;
    expect(p.later).toHaveLength(1);
  });

  it('opening a checklist before the facts are known asks them first, then opens it', () => {
    let out = reduce(defs, undefined, { type: 'open', checklistId: 'aufenthalt' });
    expect(out.view.kind).toBe('fact');
    for (const def of defs.facts) out = reduce(defs, out.progress, { type: 'fact', key: def.key, value: CASES[0].facts[def.key] });
    expect(out.view).toMatchObject({ kind: 'step', position: 0 });
    if (out.view.kind === 'step') expect(out.view.checklist.id).toBe('aufenthalt');
  });

  it('cancel forgets everything; resume without progress says so', () => {
    const out = reduce(defs, withFacts(CASES[0].facts).progress, { type: 'cancel' });
    expect(out).toEqual({ progress: undefined, view: { kind: 'cancelled' } });
    expect(reduce(defs, undefined, { type: 'resume' }).view.kind).toBe('nothingToResume');
  });

  it('applies a step button only to the step it names; an older card changes nothing', () => {
    let out = withFacts(CASES[0].facts);
    out = reduce(defs, out.progress, { type: 'open', checklistId: 'erstkontakt' });
    const first = out.view.kind === 'step' ? out.view.step.id : '';
    const ref = { checklistId: 'erstkontakt', stepId: first };
    out = reduce(defs, out.progress, { type: 'done', step: ref });
    expect(out.stale).toBeUndefined();
    expect(out.progress!.done).toEqual([`erstkontakt/${first}`]);
    for (const type of ['done', 'later', 'back', 'more'] as const) {
      const again = reduce(defs, out.progress, { type, step: ref });
      expect(again.stale).toBe(true);
      expect(again.progress).toEqual(out.progress);
      expect(again.view).toEqual(out.view);
    }
  });

  it('ignores a fact button from a question that is no longer the one asked', () => {
    let out = reduce(defs, undefined, { type: 'start' });
    out = reduce(defs, out.progress, { type: 'fact', key: 'danger', value: 'no', index: 0 });
    const stale = reduce(defs, out.progress, { type: 'fact', key: 'danger', value: 'yes', index: 0 });
    expect(stale.stale).toBe(true);
    expect(stale.progress!.facts).toEqual({ danger: 'no' });
    expect(reduce(defs, out.progress, { type: 'fact', key: 'land', value: 'NW', index: 0 }).stale).toBe(true);
    expect(reduce(defs, out.progress, { type: 'fact', key: 'land', value: 'NW', index: 1 }).progress!.facts).toEqual({
      danger: 'no',
      land: 'NW',
    });
  });
});
