import { stem, words } from './normalize';

/*
 * Related forms of a German verb form (pure): caseworkers write what happened ("hat ausgesagt", "wurde
 * beraten", "betreue"), the sources name it ("Aussage", "Beratung", "Betreuung"). For a word the index
 * lacks, the search tries these forms, weaker than the word itself.
 */

/** Separable prefixes a participle's "ge" or an infinitive's "zu" follows ("aus-ge-sagt", "ein-ge-sperrt", "an-zu-zeigen"). */
const SEPARABLE = ['', 'ab', 'an', 'auf', 'aus', 'bei', 'ein', 'mit', 'nach', 'vor', 'weg', 'zu', 'zurueck', 'fest', 'los'];
/** Verb endings (a participle's or a finite form's); every one that fits is tried ("arbeitet": -et, not -tet). */
const VERB_ENDINGS = [
  'eten',
  'eter',
  'etes',
  'etem',
  'ete',
  'test',
  'ten',
  'ter',
  'tes',
  'tem',
  'tet',
  'en',
  'et',
  'st',
  'te',
  'n',
  't',
  'e',
];
const MIN_BASE = 4;

/** The verb's base without participle "ge" and ending: "ausgesagt" → "aussag", "belastet" → "belast". */
function verbBases(token: string): string[] {
  const forms = new Set<string>([token]);
  const bases: string[] = [];
  // A strong verb's umlaut in the present ("berät", "fährt", "schläft", "stößt"; folded ae/oe) is not in its
  // other forms: without it the word is the bare base ("berat", as in "Beratung") or base plus ending.
  const plain = token.replace(/(ae|oe)(?!.*(ae|oe))/, (m) => m[0]);
  if (plain !== token && /t$/.test(token)) {
    forms.add(plain);
    if (plain.length >= MIN_BASE) bases.push(plain);
  }
  for (const prefix of SEPARABLE) {
    if (token.startsWith(`${prefix}ge`) && token.length - prefix.length - 2 >= MIN_BASE) forms.add(prefix + token.slice(prefix.length + 2));
    // The infinitive with "zu" inside ("an-zu-zeigen", "aus-zu-sagen").
    if (prefix && token.startsWith(`${prefix}zu`) && token.length - prefix.length - 2 >= MIN_BASE)
      forms.add(prefix + token.slice(prefix.length + 2));
  }
  for (const form of forms) {
    for (const ending of VERB_ENDINGS) {
      if (form.endsWith(ending) && form.length - ending.length >= MIN_BASE) bases.push(form.slice(0, -ending.length));
    }
  }
  return bases;
}

/**
 * Index terms (stemmed) a verb form may stand for: the verb's noun in -ung ("beraten" → "beratung"), its
 * bare stem ("ausgesagt" → "aussag", as in "Aussage"), and without an unstressed "be-" ("beantragen" → "antrag").
 * Candidates only: the caller keeps those the index has.
 */
export function relatedForms(token: string): string[] {
  const out = new Set<string>();
  for (const base of verbBases(token)) {
    out.add(stem(`${base}ung`));
    out.add(stem(base));
    if (base.startsWith('be') && base.length - 2 >= MIN_BASE) out.add(stem(base.slice(2)));
  }
  out.delete(stem(token));
  return [...out];
}

/** The stemmed infinitives a verb form may belong to ("übersetzt" → "uebersetz", as "übersetzen" stems). */
export function infinitiveStems(token: string): string[] {
  const out = new Set(verbBases(token).map((base) => stem(`${base}en`)));
  out.delete(stem(token));
  return [...out];
}

/** Particles a separable verb leaves at the end of its clause ("Wen ruf ich an?", "Sie sagt morgen aus."). */
const CLAUSE_PARTICLES = new Set(['ab', 'an', 'auf', 'aus', 'bei', 'ein', 'fest', 'los', 'mit', 'nach', 'vor', 'weg', 'zurueck']);

/**
 * Where a separated verb particle may belong to a verb before it: each particle that ends a clause (before
 * , . ; : ! ? –, a word that opens a clause, or the end), with the first token of its clause, both as indexes
 * into `words(text)`.
 */
export function clauseFinalParticles(text: string): Array<{ particle: number; clauseStart: number }> {
  const out: Array<{ particle: number; clauseStart: number }> = [];
  let start = 0;
  // Splitting on punctuation yields the same tokens as the whole text ("30.000" is "30", "000" either way).
  for (const clause of text.split(/[,.;:!?–]/)) {
    const tokens = words(clause);
    // A subordinate clause often follows without its comma ("schieben die sie ab wenn sie geht"), and "und" needs
    // none ("der Chef haut ab und zahlt nicht"): either starts a clause anew.
    let from = 0;
    for (let i = 0; i <= tokens.length; i++) {
      if (i < tokens.length && !(i > from && CLAUSE_OPENERS.has(tokens[i]))) continue;
      const last = i - 1;
      if (last - from >= 1 && CLAUSE_PARTICLES.has(tokens[last])) out.push({ particle: start + last, clauseStart: start + from });
      from = i;
    }
    start += tokens.length;
  }
  return out;
}

/** Words that open a clause of their own (subordinate, or joined by "und"), and so end the clause before them. */
const CLAUSE_OPENERS = new Set([
  'wenn',
  'weil',
  'dass',
  'ob',
  'obwohl',
  'falls',
  'sobald',
  'bevor',
  'nachdem',
  'damit',
  'sodass',
  'und',
  'oder',
  'aber',
  'sondern',
]);
