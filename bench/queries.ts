import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../knowledge/paths';
import { placeName, TextModel, type Corpus } from './corpus';
import { pick, rng, zipf } from './lib';

/** The questions of test/eval (public and own cases): real caseworker questions. */
export function evalQuestions(): string[] {
  const out: string[] = [];
  for (const file of ['questions.json', 'own-questions.json']) {
    const full = path.join(projectRoot, 'test', 'eval', file);
    if (!fs.existsSync(full)) continue;
    const parsed = JSON.parse(fs.readFileSync(full, 'utf8')) as { cases: Array<{ q: string }> };
    out.push(...parsed.cases.map((c) => c.q));
  }
  return out;
}

const LAWS = ['SGB XIV', 'AsylbLG', 'AufenthG', 'SGB II', 'OEG', 'SGB VIII', 'StGB'];
const NORMS = [
  '§ 25 Abs. 4a AufenthG',
  '§ 25 Abs. 4b AufenthG',
  '§ 59 Abs. 7 AufenthG',
  '§ 42 SGB VIII',
  '§ 232 StGB',
  '§ 60a AufenthG',
  '§ 4 AsylbLG',
];
const ENGLISH = [
  'victim compensation',
  'reflection period',
  'residence permit',
  'shelter',
  'labour exploitation',
  'human trafficking',
  'interpreter',
  'youth welfare office',
  'counselling',
  'helpline',
  'forced prostitution',
  'police',
  'benefits',
  'health care',
  'round table',
  'working group',
];

const GERMAN: Array<(n: () => string, p: () => string, law: () => string) => string> = [
  (n) => `Wie lange dauert die ${n()}?`,
  (n, p) => `Wer ist in ${p()} für ${n()} zuständig?`,
  (n) => `Was tun bei ${n()} und ${n()}?`,
  (n, p) => `Welche ${n()} gibt es in ${p()}?`,
  (n, p) => `${n()} ${n()} ${p()}`,
  (n, p) => `Gibt es in ${p()} eine Ansprechpartnerin für ${n()}?`,
  (n, _p, law) => `Wo beantrage ich ${n()} nach dem ${law()}?`,
  (n, _p, law) => `Was bedeutet ${law()} für die ${n()} von Betroffenen?`,
  (n, p) => `Wer hilft bei ${n()} in ${p()}?`,
  (n) => `${n()}`,
  (n) => `Brauchen Betroffene von Menschenhandel eine ${n()}?`,
  (n, p) => `Kontakt ${n()} ${p()} Menschenhandel Arbeitsausbeutung`,
];

const EN: Array<(e: () => string, p: () => string) => string> = [
  (e, p) => `Who helps with ${e()} in ${p()}?`,
  (e) => `What is the ${e()}?`,
  (e) => `How long does the ${e()} last?`,
  (e) => `Where can I find ${e()} for minors?`,
  (e) => `${e()} ${e()}`,
];

const NEIGHBOURS: Record<string, string> = {
  a: 's',
  e: 'r',
  i: 'o',
  o: 'i',
  u: 'z',
  n: 'm',
  r: 't',
  s: 'd',
  t: 'r',
  l: 'k',
  g: 'h',
  h: 'j',
  c: 'v',
  d: 'f',
  m: 'n',
  b: 'v',
  k: 'l',
  f: 'g',
  w: 'e',
  z: 'u',
};

/** One realistic slip in one longer word: a dropped, swapped, wrong or doubled letter, or a lost umlaut. */
export function addTypo(random: () => number, q: string): string {
  const words = q.split(' ');
  const candidates = words
    .map((w, i) => [w.replace(/[^\p{L}]/gu, '').length, i] as const)
    .filter(([len]) => len >= 5)
    .map(([, i]) => i);
  if (!candidates.length) return q;
  const i = pick(random, candidates);
  const w = words[i];
  const letters = [...w];
  const inner = 1 + Math.floor(random() * Math.max(1, letters.length - 3));
  const op = Math.floor(random() * 5);
  if (op === 0) letters.splice(inner, 1);
  else if (op === 1) [letters[inner], letters[inner + 1]] = [letters[inner + 1] ?? letters[inner], letters[inner]];
  else if (op === 2) letters[inner] = NEIGHBOURS[letters[inner].toLowerCase()] ?? 'e';
  else if (op === 3 && /[äöüß]/.test(w)) {
    const folded = w.replace(/ä/g, 'a').replace(/ö/g, 'o').replace(/ü/g, 'u').replace(/ß/g, 's');
    words[i] = folded;
    return words.join(' ');
  } else letters.splice(inner, 0, letters[inner]);
  words[i] = letters.join('');
  return words.join(' ');
}

/**
 * `count` questions: the real eval questions first, then template questions in German (and about one in
 * eight in English) about domain nouns, places and norms; `typoShare` of all questions carry one typo.
 */
export function benchQueries(base: Corpus, count: number, seed = 7, typoShare = 0.3): string[] {
  const random = rng(seed);
  const model = new TextModel(base);
  const noun = () => (random() < 0.15 ? model.compound(zipf(random, 400_000, 1.05), pick(random, model.nouns)) : pick(random, model.nouns));
  const place = () => placeName(zipf(random, 200_000, 1.0));
  const law = () => (random() < 0.5 ? pick(random, LAWS) : pick(random, NORMS));
  const english = () => pick(random, ENGLISH);
  // A quarter are the real questions (evenly spread over the eval files), the rest from templates.
  const real = evalQuestions();
  const fromEval = Math.min(real.length, Math.round(count * 0.25));
  const questions: string[] = [];
  for (let i = 0; i < count; i++) {
    const slot = Math.floor((i * fromEval) / count);
    if (fromEval && Math.floor(((i + 1) * fromEval) / count) > slot) questions.push(real[Math.floor((slot * real.length) / fromEval)]);
    else questions.push(random() < 0.125 ? pick(random, EN)(english, place) : pick(random, GERMAN)(noun, place, law));
  }
  return questions.map((q) => (random() < typoShare ? addTypo(random, q) : q));
}
