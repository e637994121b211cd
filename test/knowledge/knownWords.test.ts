import fc from 'fast-check';
import { KnownWords, type WordKind } from '../../knowledge/knownWords';

/**
 * KnownWords.kind skips compound splits whose head starts with three letters no word starts with. That
 * must never change an answer: compared here with the splitting written out plainly (every split tried),
 * on small random dictionaries over few letters, so heads, endings, linking s and participles all occur.
 */

const INFLECTIONS = ['esten', 'sten', 'ten', 'tet', 'est', 'end', 'ern', 'em', 'en', 'er', 'es', 'et', 'st', 'te', 'e', 'n', 's', 't'];
const VERB_ENDINGS = new Set(['esten', 'sten', 'ten', 'tet', 'est', 'end', 'et', 'st', 'te', 't']);

function plainKind(dictionary: Map<string, WordKind>, w: string): WordKind | undefined {
  const exact = (word: string, participles = true): WordKind | undefined => {
    if (dictionary.get(word)) return dictionary.get(word);
    for (const suffix of INFLECTIONS) {
      if (!word.endsWith(suffix) || word.length - suffix.length < 3) continue;
      const base = word.slice(0, -suffix.length);
      for (const ending of ['', 'en', 'n', 'e']) {
        const kind = dictionary.get(base + ending);
        if (kind) return VERB_ENDINGS.has(suffix) && !ending ? 'word' : kind;
      }
    }
    const ge = participles ? word.indexOf('ge') : -1;
    if (ge >= 0 && ge <= 4 && word.length > ge + 5) {
      const rest = word.slice(0, ge) + word.slice(ge + 2);
      if (rest !== word) for (const ending of ['en', 'n', '']) if (dictionary.get(rest.replace(/(t|en)$/, '') + ending)) return 'word';
    }
    return undefined;
  };
  const known = exact(w);
  if (known) return known;
  for (let i = 3; i <= w.length - 3; i++) {
    const part = w.slice(i);
    const listed = dictionary.get(part);
    const head = part.length >= 5 ? exact(part, false) : part.length === 4 || listed === 'noun' ? listed : undefined;
    if (!head) continue;
    const modifier = w.slice(0, i);
    if (dictionary.has(modifier) || (modifier.endsWith('s') && dictionary.has(modifier.slice(0, -1))) || exact(modifier)) {
      // A verb head that is also a noun's plural makes the compound a noun ("Steuer-fragen").
      const plural = ['en', 'n', 'e', 's'].some((e) => part.endsWith(e) && dictionary.get(part.slice(0, -e.length)) === 'noun');
      return head === 'word' && plural ? 'noun' : head;
    }
  }
  return undefined;
}

const letters = fc.constantFrom('a', 'e', 'n', 's', 't', 'g', 'r');
const word = (min: number, max: number) => fc.array(letters, { minLength: min, maxLength: max }).map((l) => l.join(''));
const entry = fc.tuple(word(2, 7), fc.constantFrom<WordKind>('noun', 'word'));

describe('KnownWords.kind', () => {
  it('finds the same kind as trying every compound split', () => {
    fc.assert(
      fc.property(
        fc.array(entry, { minLength: 1, maxLength: 40 }),
        fc.array(word(3, 16), { minLength: 1, maxLength: 20 }),
        (entries, queries) => {
          const known = new KnownWords(entries);
          const dictionary = new Map<string, WordKind>();
          for (const [w, kind] of entries) if (!dictionary.has(w) || kind === 'noun') dictionary.set(w, kind);
          // Compounds of dictionary words too, so splits that do find a head come up often.
          const words = [
            ...queries,
            ...entries.slice(0, 10).map(([w], i) => `${w}${i % 2 ? 's' : ''}${entries[(i * 7) % entries.length][0]}en`),
          ];
          for (const w of words) expect([w, known.kind(w)]).toEqual([w, plainKind(dictionary, w)]);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('knows compounds by their head and rejects words without one', () => {
    const known = new KnownWords([
      ['buerger', 'noun'],
      ['amt', 'noun'],
      ['jugend', 'noun'],
      ['laufen', 'word'],
    ]);
    expect(known.kind('Jugendamt')).toBe('noun');
    expect(known.kind('Bürgeramt')).toBe('noun');
    expect(known.kind('jugendlaufen')).toBe('word');
    expect(known.kind('xqzamtt')).toBeUndefined();
    // A head that is a verb and a noun's plural makes a noun: "Steuerfragen" are questions, not asking.
    const withFrage = new KnownWords([
      ['steuer', 'noun'],
      ['frage', 'noun'],
      ['fragen', 'word'],
    ]);
    expect(withFrage.kind('Steuerfragen')).toBe('noun');
    expect(withFrage.kind('fragen')).toBe('word');
  });
});
