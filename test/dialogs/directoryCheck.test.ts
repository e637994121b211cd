import { main } from '../../scripts/directoryCheck';
import { directoryVariant as variant } from '../helpers/directoryVariant';

function run(argv: string[]): { code: number; out: string } {
  const lines: string[] = [];
  const code = main(argv, (t) => lines.push(t));
  return { code, out: lines.join('\n') };
}

describe('npm run directory:check', () => {
  it('prints its report and exits 0', () => {
    const { code, out } = run(['--now', '2026-12-01']);
    expect(code).toBe(0);
    expect(out).toMatch(/^Verzeichnis: 86 Einträge$/m);
    expect(out).toMatch(/^Stand älter als 18 Monate: \d+$/m);
    expect(out).toMatch(/^ {2}- nadeschda \(NW\) – Stand: 2017-03 – http:\/\/frauenhilfe-westfalen\.de/m);
    expect(out).toMatch(/^Ohne Datum: \d+$/m);
    expect(out).toMatch(/^ {2}- bekom-thueringen \(TH\) – Stand: ohne Datum/m);
    expect(out).toMatch(/^Nicht Vertrauensstufe H \(nur Sekundärquellen\): 39$/m);
    expect(out).toMatch(/^Doppelte Namen: 0$/m);
    expect(out).toMatch(/^Länder ohne Fachberatungsstelle: 0$/m);
  });

  it('uses the age it is given', () => {
    const count = (out: string) => Number(/^Stand älter als \d+ Monate: (\d+)$/m.exec(out)![1]);
    const strict = run(['--now', '2026-12-01', '--months', '6']).out;
    const lax = run(['--now', '2026-12-01', '--months', '240']).out;
    expect(count(strict)).toBeGreaterThan(count(run(['--now', '2026-12-01']).out));
    expect(count(lax)).toBe(0);
  });

  it('lists duplicate names and Länder without a specialised centre, still exiting 0', () => {
    const file = variant((entries) => {
      entries[7].name = entries[6].name;
      for (const e of entries) if (e.land === 'TH' && e.kind === 'fachberatungsstelle') e.kind = 'sonstige';
    });
    const { code, out } = run(['--file', file, '--now', '2026-12-01']);
    expect(code).toBe(0);
    expect(out).toMatch(/^Doppelte Namen: 2$/m);
    expect(out).toMatch(/^ {2}- mira: FIZ – Fraueninformationszentrum Stuttgart/m);
    expect(out).toMatch(/^Länder ohne Fachberatungsstelle: 1\n {2}- TH$/m);
  });

  it('explains an invalid file or bad arguments instead of crashing', () => {
    const file = variant((entries) => (entries[0].land = 'XX'));
    expect(run(['--file', file])).toEqual({
      code: 1,
      out: expect.stringMatching(/Verzeichnis ungültig: .*entries\.0 \(kok-geschaeftsstelle\): land: unknown Land code/),
    });
    expect(run(['--months', 'viele']).code).toBe(1);
  });
});
