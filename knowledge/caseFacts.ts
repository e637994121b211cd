import { words } from './normalize';

/*
 * Reading a case description (pure): where its question clause starts, and ages it states. The search
 * weighs the question clause above the story around it, and turns an age into the minor / under-21 facts
 * instead of searching the number (a "17" would otherwise meet "§ 17").
 */

const AGE_AFTER = /^(jahr|jahre|jahren|jaehrig|jaehrige|jaehriger|jaehrigen|jaehriges|year|years|yo)$/;
const AGE_BEFORE = new Set([
  'ist',
  'erst',
  'bin',
  'aged',
  'is',
  'mit',
  'knapp',
  'gerade',
  'ca',
  'etwa',
  'vielleicht',
  'ungefaehr',
  'circa',
  'maybe',
  'vermutlich',
  'wohl',
  'probably',
  // "Meine Tochter (16)", "ihr Sohn 15"
  'tochter',
  'sohn',
]);

/** An age stated at token i ("15 Jahre", "16-jährige", "sie ist 17", "15-year-old"): the age and the tokens it spans. */
export function ageAt(tokens: string[], i: number): { age: number; length: number } | undefined {
  // Typed as one word ("17jähriger", "16j", "15yo"): the number and its ending together.
  const joined = /^([0-9]{1,2})(jaehrig|jaehrige|jaehriger|jaehrigen|jaehriges|j|yo)$/.exec(tokens[i]);
  if (joined) return Number(joined[1]) >= 1 ? { age: Number(joined[1]), length: 1 } : undefined;
  if (!/^[0-9]{1,2}$/.test(tokens[i])) return undefined;
  const age = Number(tokens[i]);
  if (age < 1 || age > 99) return undefined;
  if (AGE_AFTER.test(tokens[i + 1] ?? '')) return { age, length: tokens[i + 2] === 'old' ? 3 : 2 };
  if (AGE_BEFORE.has(tokens[i - 1] ?? '')) return { age, length: 1 };
  return undefined;
}

/** The facts an age can stand for (ageFact): a stated age decides them over words like "Mädchen". */
export const AGE_FACTS: ReadonlySet<string> = new Set(['minor', 'under-21']);

/** The fact an age stands for, by the age limits the sources use (18: minors, 21: § 232 StGB). */
export function ageFact(age: number): 'minor' | 'under-21' | undefined {
  if (age < 18) return 'minor';
  if (age < 21) return 'under-21';
  return undefined;
}

/**
 * The index of the first token of the question clause: the final question sentences of a description that
 * ends in a question mark after at least one other sentence; 0 (everything is the question) otherwise.
 */
export function questionClauseStart(query: string): number {
  const clause = questionClause(query);
  return clause === query ? 0 : Math.max(0, words(query).length - words(clause).length);
}

/**
 * The question clause itself: the final run of question sentences of a description (see questionClauseStart),
 * else the whole text, unchanged.
 */
export function questionClause(query: string): string {
  const trimmed = query.trim();
  if (!trimmed.endsWith('?')) return query;
  // A sentence starts with a capital or a quote: "nach § 25 Abs. 4a?" is one sentence, not two.
  const sentences = trimmed.split(/(?<=[.!?])\s+(?=[\p{Lu}"„'])/u);
  if (sentences.length < 2) return query;
  // The question is every sentence of the final run of questions ("Wie ist das in Österreich? Gilt das dort auch?").
  let first = sentences.length - 1;
  while (first > 0 && sentences[first - 1].endsWith('?')) first--;
  return first === 0 ? query : sentences.slice(first).join(' ');
}
