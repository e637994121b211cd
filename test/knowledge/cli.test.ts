import { main } from '../../scripts/ask';
import publicCases from '../eval/questions.json';
import { runCli } from '../helpers/cli';

async function ask(args: string[], input?: string): Promise<string> {
  const { code, out } = await runCli(main, args, input);
  expect(code).toBe(0);
  return out;
}

describe('npm run ask (CLI contract, scripts/ask.ts main in-process)', () => {
  it('--json prints exactly one JSON object with up to 5 results, best first', async () => {
    const out = await ask(['--json', 'Wer ist Mitglied der Arbeitsgruppe Arbeitsausbeutung?']);
    const lines = out.trim().split('\n');
    expect(lines).toHaveLength(1);
    const parsed = JSON.parse(lines[0]);
    expect(parsed.query).toBe('Wer ist Mitglied der Arbeitsgruppe Arbeitsausbeutung?');
    expect(['confident', 'uncertain', 'none']).toContain(parsed.answer);
    expect(Object.keys(parsed).sort()).toEqual(['answer', 'query', 'results']);
    expect(parsed.results.length).toBeGreaterThan(0);
    expect(parsed.results.length).toBeLessThanOrEqual(5);
    for (const r of parsed.results) {
      expect(Object.keys(r).sort()).toEqual(['date', 'id', 'publisher', 'score', 'sourceId', 'text', 'title']);
      expect(r.score).toBeGreaterThanOrEqual(0);
      expect(r.score).toBeLessThanOrEqual(1);
      expect(r.date === null || /^\d{4}-\d{2}-\d{2}$/.test(r.date)).toBe(true);
    }
    expect(parsed.results[0].text).toContain('Gewerkschaften');
  });

  it('--stdin answers one question per line, in order', async () => {
    const questions = (publicCases as { cases: Array<{ q: string }> }).cases.map((c) => c.q);
    const out = await ask(['--json', '--stdin'], `${questions.join('\n')}\n`);
    const objects = out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(objects.map((o) => o.query)).toEqual(questions);
    for (const o of objects) expect(['confident', 'uncertain', 'none']).toContain(o.answer);
  });

  it("answers as the chat does: a contact question naming a Land gets that Land's directory first, confidently", async () => {
    const parsed = JSON.parse((await ask(['--json', 'Welche Fachberatungsstelle gibt es in Sachsen?'])).trim());
    expect(parsed.answer).toBe('confident');
    expect(parsed.results[0].id).toBe('verzeichnis-sn#eintraege');
  });

  it('without --json prints a readable answer with source and Stand', async () => {
    const out = await ask(['Bielefelder Modell']);
    expect(out).toMatch(/Städte- und Gemeindebund/);
    expect(out).toMatch(/Stand: 1999-08-20/);
  });

  it('without a question prints the usage and exits 2', async () => {
    const { code, out, err } = await runCli(main, ['--json']);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toMatch(/^Aufruf: npm run --silent ask/);
  });
});
