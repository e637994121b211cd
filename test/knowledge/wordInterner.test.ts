import fc from 'fast-check';
import { IntList } from '../../knowledge/intList';
import { fold, words } from '../../knowledge/normalize';
import { createWordInterner } from '../../knowledge/wordInterner';

/** The tokens the interner's fast path gives for `text`, or null when it hands the text to words(). */
const shared = createWordInterner();
function plainWords(text: string, interner = shared): string[] | null {
  const out = new IntList();
  if (!interner.addPlainWords(text, out)) return null;
  return Array.from(out.data.subarray(0, out.length), (t) => interner.tokens[t]);
}

function internedWords(texts: string[]): string[][] {
  const interner = createWordInterner();
  return texts.map((text) => {
    const out = new IntList();
    interner.addWords(text, out);
    return Array.from(out.data.subarray(0, out.length), (t) => interner.tokens[t]);
  });
}

describe('the index build’s word interner is words() itself', () => {
  it('takes the fast path for plain German text and gives what words() gives', () => {
    const text = 'Größe ÄPFEL Übung „Zitat“ – 3 Monate, § 4a AufenthG · 116 016 ß a Ä\tSTRASSE\r\n× ÷ ¼ € ‰';
    expect(plainWords(text)).toEqual(words(text));
    expect(plainWords(text)).toContain('aepfel');
  });

  it('agrees with words() for every UTF-16 code unit, alone and inside words (or leaves that text to words())', () => {
    let fast = 0;
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      for (const text of [ch, `ab${ch}cd`, `X${ch}`, `${ch}${ch} 7`, `Ä${ch}ß`]) {
        const plain = plainWords(text);
        if (plain === null) continue;
        fast++;
        if (plain.join(' ') !== words(text).join(' ')) {
          throw new Error(
            `U+${c.toString(16)} in ${JSON.stringify(text)}: ${plain.join(' ')} ≠ ${words(text).join(' ')} (fold: ${fold(text)})`,
          );
        }
      }
    }
    // The fast path must be taken for the characters German text is made of, or this test would prove nothing.
    expect(fast).toBeGreaterThan(5 * 250);
  });

  it('agrees with words() on random text, with and without the fast path, sharing one table across texts', () => {
    const alphabet = fc.constantFrom(...'aAzZ09 .-–„“äöüÄÖÜßẞéÉčİıKµª§·\u0301\u0308\u00a0\u2000\u2001\u2028\t\n\u0001'.split(''));
    const text = fc.oneof(
      fc.string({ unit: alphabet, maxLength: 40 }),
      fc.string({ unit: 'binary', maxLength: 30 }),
      fc.string({ maxLength: 30 }),
    );
    fc.assert(
      fc.property(fc.array(text, { maxLength: 6 }), (texts) => {
        expect(internedWords(texts)).toEqual(texts.map((t) => words(t)));
        for (const t of texts) {
          const plain = plainWords(t);
          if (plain !== null) expect(plain).toEqual(words(t));
        }
      }),
      { numRuns: 500 },
    );
  });
});
