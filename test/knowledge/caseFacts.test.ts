import { ageAt, ageFact, questionClause, questionClauseStart } from '../../knowledge/caseFacts';
import { words } from '../../knowledge/normalize';
import { realSearch } from '../helpers/knowledge';

describe('reading a case description', () => {
  it('finds stated ages, not paragraph numbers', () => {
    const at = (q: string) => {
      const t = words(q);
      return t.map((_, i) => ageAt(t, i)?.age).filter((a) => a !== undefined);
    };
    expect(at('Ein 16-jähriger Junge')).toEqual([16]);
    expect(at('Sie ist erst 17')).toEqual([17]);
    expect(at('Der Kleine ist vielleicht 13')).toEqual([13]);
    expect(at('17jähriger junge aus afganistan')).toEqual([17]);
    expect(at('Meine Tochter (16) hängt mit ihm ab, vermutlich 14 sind die anderen')).toEqual([16, 14]);
    expect(at('a 15-year-old girl')).toEqual([15]);
    expect(at('§ 17 Abs. 2 SGB XIV')).toEqual([]);
    expect([ageFact(15), ageFact(19), ageFact(30)]).toEqual(['minor', 'under-21', undefined]);
  });

  it('marks the question clause of a description of several sentences', () => {
    const q = 'Sie arbeitet auf dem Bau. Der Lohn fehlt. Wer hilft?';
    expect(questionClauseStart(q)).toBe(words(q).length - 2);
    expect(questionClauseStart('Wer hilft bei Arbeitsausbeutung?')).toBe(0);
    // A run of questions at the end is the question together ("Österreich" is what is asked about).
    const two = 'Sie wurde ausgebeutet. Wie ist das in Österreich geregelt? Gilt das dort auch?';
    expect(questionClauseStart(two)).toBe(words('Sie wurde ausgebeutet.').length);
    expect(questionClauseStart('Wie ist das in Österreich geregelt? Gilt das dort auch?')).toBe(0);
    expect(questionClauseStart('Sie arbeitet auf dem Bau. Der Lohn fehlt.')).toBe(0);
    expect(questionClause(q)).toBe('Wer hilft?');
    expect(questionClause('Wer hilft bei Arbeitsausbeutung?')).toBe('Wer hilft bei Arbeitsausbeutung?');
  });

  it('an age steers to the minors steps instead of meeting a § number', () => {
    const result = realSearch().search('Sie ist erst 17. Was tun?');
    expect(result.facts).toContain('minor');
    expect(result.hits[0].passage.text).toMatch(/Jugendamt|[Mm]inderjährig/);
  });

  it('"junge Frau" is a young woman, not a minor; "ein Junge" is', () => {
    const search = realSearch();
    expect(search.search('Eine junge Frau aus Nigeria arbeitet ohne Lohn im Nagelstudio.').facts).not.toContain('minor');
    expect(search.search('Ein junger Mann schläft seit Tagen auf der Baustelle.').facts).not.toContain('minor');
    expect(search.search('Ein Junge aus Bulgarien schläft auf der Straße. Wohin mit ihm?').facts).toContain('minor');
  });

  it('a non-EU nationality weighs EU-only steps down', () => {
    const search = realSearch();
    const neutral = search.search('Darf sie in Deutschland bleiben?');
    const nonEu = search.search('Darf sie aus Nigeria in Deutschland bleiben?');
    expect(nonEu.facts).toContain('non-eu');
    const euRank = (r: typeof neutral) => r.hits.findIndex((h) => h.passage.id.includes('#eu-'));
    expect(euRank(nonEu) === -1 || euRank(nonEu) >= euRank(neutral)).toBe(true);
  });
});
