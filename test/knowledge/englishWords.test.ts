import { EnglishWords, englishWords } from '../../knowledge/englishWords';
import { realSearch } from '../helpers/knowledge';

describe('ordinary English words (Hunspell en_US)', () => {
  it('knows words and their inflections, not names or typos', () => {
    const words = englishWords();
    expect(words.size).toBeGreaterThan(40000);
    for (const w of ['doctor', 'tonight', 'documents', 'taken', 'studies', 'stopped', 'working']) expect(words.has(w)).toBe(true);
    for (const w of ['Bedenkfrist', 'qwrtzlbrmf']) expect(words.has(w)).toBe(false);
    expect(new EnglishWords(['stop']).has('stopped')).toBe(true);
  });

  it('in an English question, an English word the sources lack is an ordinary word, not a typo to repair', () => {
    const result = realSearch().search('Where can she see a doctor tonight?');
    expect(result.language).toBe('en');
    expect(result.unknownWords).toEqual([]);
    expect(result.signals.unlike).toBe(0);
  });
});
