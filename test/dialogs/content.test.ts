import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { checklistFiles, contactsPath, loadDialogContent } from '../../dialogs/content';
import { sourceFiles } from '../../knowledge/build';
import { projectRoot } from '../../knowledge/paths';

const content = loadDialogContent();

describe('checklist and contact files', () => {
  it('rejects a step whose cited passage is not in the knowledge index, naming file, step and field', () => {
    expect(() => loadDialogContent({ knownPassages: (id) => id !== 'stgb-nrw-1999-bielefelder-modell#2' })).toThrow(
      /kontakte\.yaml: steps\.\d+\.passage: unknown passage "stgb-nrw-1999-bielefelder-modell#2"/,
    );
  });

  it('has the six required checklists, each validating', () => {
    expect(content.checklists.map((c) => c.id)).toEqual([
      'erstkontakt',
      'kontakte',
      'unterkunft',
      'aufenthalt',
      'lebensunterhalt',
      'entschaedigung',
    ]);
  });

  it('gives every step a norm or a source, and a Stand', () => {
    for (const c of content.checklists) {
      for (const s of c.steps) {
        expect(s.legal.length + (s.source ? 1 : 0)).toBeGreaterThan(0);
        // An undated source keeps its steps undated (Stand unbekannt), never a later check date.
        if (s.stand === null) expect(s.source).not.toBe('lotse-fachinfo');
        else expect(s.stand).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }
    }
  });

  it('states the Bedenk- und Stabilisierungsfrist with its norm and minimum length', () => {
    const step = content.checklists
      .find((c) => c.id === 'aufenthalt')!
      .steps.find((s) => /Bedenk- und Stabilisierungsfrist/.test(`${s.title} ${s.do}`))!;
    expect(step.legal).toContain('§ 59 Abs. 7 AufenthG');
    expect(step.do).toMatch(/mindestens drei Monate/);
  });

  it('says wherever a step mentions the OEG that SGB XIV replaced it', () => {
    for (const s of content.checklists.flatMap((c) => c.steps)) {
      const text = `${s.title} ${s.do} ${s.why}`;
      if (/\bOEG\b|Opferentschädigungsgesetz/.test(text)) expect(text).toMatch(/SGB XIV/);
    }
  });

  it('phrases every L-marked step as something to check ("prüfen"/"klären"), never as fact', () => {
    const low = content.checklists.flatMap((c) => c.steps).filter((s) => s.confidence === 'L');
    expect(low.length).toBeGreaterThan(0);
    for (const s of low) expect(`${s.title} ${s.do} ${s.why}`).toMatch(/prüf|klär/i);
  });

  it('has no phone number that does not appear in a source text or the checked domain facts', () => {
    const trusted = [...sourceFiles(), path.join(projectRoot, 'knowledge', 'reference', 'domain-facts.md')]
      .map((f) => fs.readFileSync(f, 'utf8'))
      .join('\n');
    const digits = (s: string) => s.replace(/\D/g, '');
    const trustedDigits = digits(trusted);
    const numbers = fs.readFileSync(contactsPath, 'utf8').match(/\+?\d[\d /-]{2,}\d/g) ?? [];
    const phones = [...content.contacts.values()].flatMap((c) => (c.phone ? [c.phone] : []));
    expect(phones).toEqual(expect.arrayContaining(['110', '116 016']));
    for (const n of [...phones, ...numbers.filter((n) => digits(n).length >= 6)]) expect(trustedDigits).toContain(digits(n));
  });

  it('stops on an invalid checklist, naming file, path and reason', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lotse-checklists-'));
    const original = fs.readFileSync(checklistFiles()[0], 'utf8');
    fs.writeFileSync(path.join(dir, 'aufenthalt.yaml'), original.replace(/stand: "2026-04-29"/, 'stand: "April 2026"'));
    expect(() => loadDialogContent({ dir })).toThrow(/aufenthalt\.yaml: steps\.0\.stand: expected an ISO date/);
    fs.writeFileSync(path.join(dir, 'aufenthalt.yaml'), original.replace(/contacts: \[fachberatungsstelle\]/, 'contacts: [gibtsnicht]'));
    expect(() => loadDialogContent({ dir })).toThrow(/aufenthalt\.yaml: steps\.0\.contacts: unknown contact "gibtsnicht"/);
  });
});
