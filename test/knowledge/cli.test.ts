import { execFileSync } from 'node:child_process';
import path from 'node:path';
import publicCases from '../eval/questions.json';

const root = path.resolve(__dirname, '../..');

function ask(args: string[], input?: string): string {
  return execFileSync('npm', ['run', '--silent', 'ask', '--', ...args], { cwd: root, input, encoding: 'utf8', timeout: 120_000 });
}

describe('npm run ask (CLI contract)', () => {
  it('--json prints exactly one JSON object with up to 5 results, best first', () => {
    const out = ask(['--json', 'Wer ist Mitglied der Arbeitsgruppe Arbeitsausbeutung?']);
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

  it('--stdin answers one question per line, in order', () => {
    const questions = (publicCases as { cases: Array<{ q: string }> }).cases.map((c) => c.q);
    const out = ask(['--json', '--stdin'], `${questions.join('\n')}\n`);
    const objects = out.trim().split('\n').map((l) => JSON.parse(l));
    expect(objects.map((o) => o.query)).toEqual(questions);
    for (const o of objects) expect(['confident', 'uncertain', 'none']).toContain(o.answer);
  });

  it('without --json prints a readable answer with source and Stand', () => {
    const out = ask(['Bielefelder Modell']);
    expect(out).toMatch(/Städte- und Gemeindebund/);
    expect(out).toMatch(/Stand: 1999-08-20/);
  });
});
