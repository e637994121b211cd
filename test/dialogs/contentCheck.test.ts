import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { amendmentsPath, loadAmendments } from '../../dialogs/amendments';
import { checklistFiles } from '../../dialogs/content';
import { normsOverlap, parseNorm } from '../../dialogs/norms';
import { main } from '../../scripts/contentCheck';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'lotse-content-'));
const data = loadAmendments();

function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = main(
    argv,
    (l) => out.push(l),
    (l) => err.push(l),
  );
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** A copy of the checklists with one file's text changed. */
function checklistsWith(file: string, change: (s: string) => string): string {
  const dir = fs.mkdtempSync(path.join(tmp, 'checklists-'));
  for (const f of checklistFiles()) fs.writeFileSync(path.join(dir, path.basename(f)), fs.readFileSync(f, 'utf8'));
  const target = path.join(dir, file);
  const before = fs.readFileSync(target, 'utf8');
  const after = change(before);
  expect(after).not.toBe(before);
  fs.writeFileSync(target, after);
  return dir;
}

function amendmentsWith(change: (s: string) => string): string {
  const file = path.join(fs.mkdtempSync(path.join(tmp, 'amendments-')), 'amendments.yaml');
  fs.writeFileSync(file, change(fs.readFileSync(amendmentsPath, 'utf8')));
  return file;
}

describe('norm citations', () => {
  it.each([
    ['§ 25 Abs. 4b AufenthG', 'AufenthG', '25', ['Abs. 4b']],
    ['§ 87 Abs. 2 S. 1 Nr. 2a AufenthG', 'AufenthG', '87', ['Abs. 2', 'S. 1', 'Nr. 2a']],
    ['AVV-AufenthG Nr. 15a.1.5.2', 'AVV-AufenthG', '15a.1.5.2', []],
    ['§ 2a Abs. 1 S. 2 FreizügG/EU', 'FreizügG/EU', '2a', ['Abs. 1', 'S. 2']],
    ['§ 42 Abs. 1 SGB VIII', 'SGB VIII', '42', ['Abs. 1']],
  ])('reads "%s"', (text, law, section, pathParts) => {
    const ref = parseNorm(text, data.laws)!;
    expect(ref.law).toBe(law);
    expect(ref.sections).toEqual([{ from: section, to: section }]);
    expect(ref.path).toEqual(pathParts);
  });

  it('reads ranges and lists, and refuses unknown laws', () => {
    expect(parseNorm('§§ 31–37 SGB XIV', data.laws)!.sections).toEqual([{ from: '31', to: '37' }]);
    expect(parseNorm('§§ 32, 33 SGB XIV', data.laws)!.sections).toEqual([
      { from: '32', to: '32' },
      { from: '33', to: '33' },
    ]);
    expect(parseNorm('§ 59 Abs. 7 AufentG', data.laws)).toBeUndefined();
  });

  it('matches a change to the norms it can concern, not to neighbouring sub-units', () => {
    const n = (t: string) => parseNorm(t, data.laws)!;
    expect(normsOverlap(n('§ 42 Abs. 1 SGB VIII'), n('§ 42 Abs. 2 S. 5 SGB VIII'))).toBe(false);
    expect(normsOverlap(n('§ 42 Abs. 2 S. 3 SGB VIII'), n('§ 42 Abs. 2 S. 5 SGB VIII'))).toBe(false);
    expect(normsOverlap(n('§ 42a SGB VIII'), n('§ 42a Abs. 3 SGB VIII'))).toBe(true);
    expect(normsOverlap(n('§§ 232–233a StGB'), n('§ 233 Abs. 1 StGB'))).toBe(true);
    expect(normsOverlap(n('AVV-AufenthG Nr. 15a.1.5.2'), n('§ 15 AufenthG'))).toBe(false);
  });
});

describe('npm run content:check', () => {
  it('passes on the project content and lists what to re-check', () => {
    const { code, out } = run('--today', '2026-12-01');
    expect(code).toBe(0);
    expect(out).toMatch(
      /\(a\)[\s\S]*AufenthG ab 2026-06-12, BGBl\. 2026 I Nr\. 111[\s\S]*aufenthalt\/bedenkfrist \(Stand 29\.04\.2026\): § 59 Abs\. 7 AufenthG/,
    );
    expect(out).not.toMatch(/aufenthalt\/eu-freizuegigkeit \(Stand/);
    expect(out).toMatch(/\(b\)[\s\S]*kontakte\/bielefelder-modell \(Stand 20\.08\.1999\)/);
    expect(out).toMatch(/\(c\)[^\n]*: 0/);
    expect(out).toMatch(/\(d\)[\s\S]*\n\s+3 {2}§ 59 Abs\. 7 AufenthG/);
    expect(out).toMatch(/Fundstelle fehlt/);
  });

  it('lists an L-marked step phrased as a fact', () => {
    const dir = checklistsWith('entschaedigung.yaml', (s) =>
      s
        .replace(
          /Stellen Sie den Antrag auch, wenn die Person keinen rechtmäßigen Aufenthalt hat, und prüfen Sie\n\s+mit der Fachberatungsstelle, wie die zuständige Behörde solche Anträge handhabt./,
          'Der Antrag ist ohne rechtmäßigen Aufenthalt möglich.',
        )
        .replace('Ohne rechtmäßigen Aufenthalt: Praxis mit Fachberatung prüfen', 'Ohne rechtmäßigen Aufenthalt')
        .replace('– bitte vor Ort klären.', '.'),
    );
    const { code, out } = run('--today', '2026-12-01', '--checklists', dir);
    expect(code).toBe(0);
    expect(out).toMatch(/\(c\)[^\n]*: 1\n\s+- entschaedigung\/ohne-rechtmaessigen-aufenthalt/);
  });

  it('rejects a Stand after today', () => {
    const dir = checklistsWith('aufenthalt.yaml', (s) => s.replace('stand: "2026-04-29"', 'stand: "2027-01-01"'));
    const { code, err } = run('--today', '2026-12-01', '--checklists', dir);
    expect(code).toBe(1);
    expect(err).toMatch(/aufenthalt\.yaml: steps\.0\.stand: 2027-01-01 lies after today \(2026-12-01\)/);
  });

  it('rejects a Stand later than its source, and a Stand on an undated source', () => {
    let dir = checklistsWith('kontakte.yaml', (s) => s.replace('stand: "1999-08-20"', 'stand: "2026-04-29"'));
    let r = run('--today', '2026-12-01', '--checklists', dir);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/kontakte\.yaml: steps\.8\.stand: 2026-04-29 lies after its source's date \(1999-08-20\)/);
    dir = checklistsWith('kontakte.yaml', (s) => s.replace('stand: null', 'stand: "2026-04-29"'));
    r = run('--today', '2026-12-01', '--checklists', dir);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/kontakte\.yaml: steps\.\d+\.stand: source "kooperationsvereinbarungen-laender" has no date/);
  });

  it('rejects a norm of an unknown law, naming file, step and entry', () => {
    const dir = checklistsWith('aufenthalt.yaml', (s) =>
      s.replace('legal: ["§ 59 Abs. 7 AufenthG", "§ 72 Abs. 6 AufenthG"]', 'legal: ["§ 59 Abs. 7 AufentG", "§ 72 Abs. 6 AufenthG"]'),
    );
    const r = run('--today', '2026-12-01', '--checklists', dir);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/aufenthalt\.yaml: steps\.1\.legal\.0: cannot read "§ 59 Abs\. 7 AufentG"/);
  });

  it('rejects an amendment entry without its promulgation', () => {
    const file = amendmentsWith((s) => s.replace('    promulgation: BGBl. 2026 I Nr. 112\n', ''));
    const r = run('--today', '2026-12-01', '--amendments', file);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/amendments\.yaml: amendments\.2\.promulgation: Required/);
    const bad = amendmentsWith((s) => s.replace('promulgation: BGBl. 2026 I Nr. 112', 'promulgation: "unbekannt"'));
    expect(run('--amendments', bad).err).toMatch(/amendments\.2\.promulgation: expected a promulgation like/);
  });

  it('rejects an amendment of a law it does not know', () => {
    const file = amendmentsWith((s) => s.replace('    law: AsylbLG\n', '    law: AsylG\n'));
    expect(run('--amendments', file).err).toMatch(/amendments\.2\.law: unknown law "AsylG"/);
  });
});
