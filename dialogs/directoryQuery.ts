import fs from 'node:fs';
import path from 'node:path';
import { parseYaml } from '../knowledge/yamlFile';
import { z } from 'zod';
import { germanWords } from '../knowledge/knownWords';
import { questionClause } from '../knowledge/caseFacts';
import { fold } from '../knowledge/normalize';
import { projectRoot } from '../knowledge/paths';
import { Bundesland, type BundeslandCode } from '../knowledge/sourceSchema';

/** Recognising a question about contacts, its Land, city and what it narrows to. Pure once the vocabulary is loaded. */
export const directoryQueryPath = path.join(projectRoot, 'dialogs', 'directoryQuery.yaml');

export const FILTERS = ['labour', 'minors', 'men', 'women', 'police'] as const;
export type Filter = (typeof FILTERS)[number];

const phrase = z.string().trim().min(2);
const QueryFile = z
  .object({
    version: z.number().int(),
    lands: z
      .array(z.object({ code: Bundesland, de: phrase, en: phrase, aliases: z.array(phrase), cities: z.array(phrase) }).strict())
      .length(16),
    intent: z.array(phrase).min(1),
    intentWithPlace: z.array(phrase).default([]),
    lookupCues: z.array(phrase).min(1),
    notIntent: z.array(phrase).default([]),
    filters: z
      .object(Object.fromEntries(FILTERS.map((f) => [f, z.array(phrase).min(1)])) as Record<Filter, z.ZodArray<typeof phrase>>)
      .strict(),
  })
  .strict();

export type LandInfo = { code: BundeslandCode; de: string; en: string };

/** A phrase as folded tokens; a trailing "*" on the last token allows any ending. */
interface Pattern {
  tokens: string[];
  prefix: boolean;
}

export interface QueryVocabulary {
  lands: LandInfo[];
  landPatterns: Array<{ code: BundeslandCode; pattern: Pattern }>;
  cityPatterns: Array<{ code: BundeslandCode; city: string; pattern: Pattern }>;
  intent: Pattern[];
  intentWithPlace: Pattern[];
  lookupCues: Pattern[];
  notIntent: Pattern[];
  filters: Array<{ filter: Filter; patterns: Pattern[] }>;
  /** Whether a token is an ordinary German word (then it is no misspelt Land: "sachen" is not "Sachsen"). */
  isWord: (token: string) => boolean;
}

const tokensOf = (text: string) => fold(text).match(/[a-z0-9]+/g) ?? [];

function pattern(p: string): Pattern {
  const prefix = p.endsWith('*');
  return { tokens: tokensOf(prefix ? p.slice(0, -1) : p), prefix };
}

const byLength = (a: { pattern: Pattern }, b: { pattern: Pattern }) => b.pattern.tokens.length - a.pattern.tokens.length;

/** A name as written and, if it has umlauts, as typed without them ("munchen", "thuringen", "baden-wurttemberg"). */
const spellings = (name: string): string[] => {
  const plain = name.replace(/[äöüÄÖÜ]/g, (c) => ({ ä: 'a', ö: 'o', ü: 'u', Ä: 'A', Ö: 'O', Ü: 'U' })[c] ?? c);
  return plain === name ? [name] : [name, plain];
};

export function loadQueryVocabulary(file = directoryQueryPath): QueryVocabulary {
  const parsed = QueryFile.safeParse(parseYaml(fs.readFileSync(file, 'utf8')));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${file}: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  const d = parsed.data;
  return {
    lands: d.lands.map(({ code, de, en }) => ({ code, de, en })),
    landPatterns: d.lands
      .flatMap((l) => [l.de, l.en, ...l.aliases].flatMap(spellings).map((a) => ({ code: l.code, pattern: pattern(a) })))
      .sort(byLength),
    cityPatterns: d.lands
      .flatMap((l) => l.cities.flatMap((c) => spellings(c).map((spelt) => ({ code: l.code, city: c, pattern: pattern(spelt) }))))
      .sort(byLength),
    intent: d.intent.map(pattern),
    intentWithPlace: d.intentWithPlace.map(pattern),
    lookupCues: d.lookupCues.map(pattern),
    notIntent: d.notIntent.map(pattern),
    filters: FILTERS.map((filter) => ({ filter, patterns: d.filters[filter].map(pattern) })),
    isWord: (token) => germanWords().kind(token) !== undefined,
  };
}

/** A misspelt name is at least this long, so short words and codes ("NRW") never count as one. */
const MIN_MISSPELT = 5;
const MIN_MISSPELT_CITY = 7;

/** The length of the start a and b share. */
function sharedStart(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

/** Whether a and b differ by at most one edit: a letter added, dropped, changed, or two neighbours swapped. */
function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  const i = sharedStart(a, b);
  if (a.length === b.length)
    return a.slice(i + 1) === b.slice(i + 1) || (a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2));
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/**
 * The dictionary knows a typed word also through the name itself ("thueringn" reads as an inflected "Thüringen"):
 * such a word differs from the name only at its end, an ordinary word earlier ("sachen" and "sachsen").
 */
const sameFamily = (typed: string, name: string) => sharedStart(typed, name) >= Math.min(typed.length, name.length) - 1;

type Named = { code: BundeslandCode; pattern: Pattern; city?: string };
const byInitial = new WeakMap<object, Map<string, Named[]>>();

/**
 * The Land and city names that may be misspelt (no prefix pattern, every word long enough), by their first letter.
 * A city needs a longer name: many short ones are a slip away from an everyday word ("Essen", "Hamm", "Kehl").
 */
function misspellable(vocab: QueryVocabulary): Map<string, Named[]> {
  let map = byInitial.get(vocab.landPatterns);
  if (map) return map;
  map = new Map();
  const long = (min: number) => (entry: Named) =>
    !entry.pattern.prefix && entry.pattern.tokens.length > 0 && entry.pattern.tokens.every((t) => t.length >= min);
  for (const entry of [...vocab.landPatterns.filter(long(MIN_MISSPELT)), ...vocab.cityPatterns.filter(long(MIN_MISSPELT_CITY))]) {
    const { tokens } = entry.pattern;
    map.set(tokens[0][0], [...(map.get(tokens[0][0]) ?? []), entry]);
  }
  byInitial.set(vocab.landPatterns, map);
  return map;
}

/**
 * A Land or city typed with one slip per word ("Berin", "Nordrhein-Westfahlen", "Baden-Würtemberg", "Münchn"): every word of the name
 * within one edit, each word of five letters or more (a city's of seven), and a one-word name only where the typed word is no other
 * German word. Only when no name was typed right.
 */
function misspeltPlace(tokens: string[], vocab: QueryVocabulary): Named | undefined {
  const candidates = misspellable(vocab);
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i].length < MIN_MISSPELT - 1) continue;
    for (const named of candidates.get(tokens[i][0]) ?? []) {
      const p = named.pattern;
      if (i + p.tokens.length > tokens.length) continue;
      if (!p.tokens.every((t, k) => tokens[i + k][0] === t[0] && withinOneEdit(tokens[i + k], t))) continue;
      if (p.tokens.length === 1 && vocab.isWord(tokens[i]) && !sameFamily(tokens[i], p.tokens[0])) continue;
      return named;
    }
  }
  return undefined;
}

function matchAt(tokens: string[], at: number, p: Pattern): boolean {
  if (p.tokens.length === 0 || at + p.tokens.length > tokens.length) return false;
  return p.tokens.every((t, i) => (p.prefix && i === p.tokens.length - 1 ? tokens[at + i].startsWith(t) : tokens[at + i] === t));
}

/**
 * A pattern list indexed by first token, so matching a question tries only the patterns that can start at
 * each word instead of every pattern at every word (this runs for every free-text question). Built once
 * per list (the vocabulary is never changed once loaded); `order` keeps the list's precedence.
 */
interface PatternIndex<T> {
  byFirst: Map<string, Array<{ item: T; order: number }>>;
  /** One-token patterns with a trailing "*": their only token is a prefix. */
  prefixed: Array<{ item: T; order: number; first: string }>;
}

const indexes = new WeakMap<object, PatternIndex<unknown>>();

function indexOf<T>(items: T[], patternOf: (item: T) => Pattern): PatternIndex<T> {
  const known = indexes.get(items) as PatternIndex<T> | undefined;
  if (known) return known;
  const index: PatternIndex<T> = { byFirst: new Map(), prefixed: [] };
  items.forEach((item, order) => {
    const p = patternOf(item);
    if (!p.tokens.length) return;
    if (p.prefix && p.tokens.length === 1) index.prefixed.push({ item, order, first: p.tokens[0] });
    else {
      const list = index.byFirst.get(p.tokens[0]) ?? [];
      list.push({ item, order });
      index.byFirst.set(p.tokens[0], list);
    }
  });
  indexes.set(items, index as PatternIndex<unknown>);
  return index;
}

/** The first item (in list order) whose pattern matches at `at` and that `accept`s, as a linear scan would find it. */
function firstAt<T>(tokens: string[], at: number, items: T[], patternOf: (item: T) => Pattern, accept: (item: T) => boolean = () => true) {
  const index = indexOf(items, patternOf);
  let best: { item: T; order: number } | undefined;
  for (const c of index.byFirst.get(tokens[at]) ?? [])
    if (matchAt(tokens, at, patternOf(c.item)) && accept(c.item)) {
      best = c;
      break;
    }
  for (const c of index.prefixed) if ((!best || c.order < best.order) && tokens[at].startsWith(c.first) && accept(c.item)) best = c;
  return best?.item;
}

const ownPattern = (p: Pattern) => p;
const has = (tokens: string[], patterns: Pattern[]) => tokens.some((_, i) => firstAt(tokens, i, patterns, ownPattern) !== undefined);

export interface ContactQuestion {
  land?: BundeslandCode;
  /** A city from the vocabulary, as written there. */
  city?: string;
  filters: Filter[];
}

const landCodes: ReadonlySet<string> = new Set(Bundesland.options);

function placeIn(text: string, tokens: string[], vocab: QueryVocabulary): { land?: BundeslandCode; city?: string } {
  let land: BundeslandCode | undefined;
  let city: string | undefined;
  for (let i = 0; i < tokens.length && !land; i++) land = firstAt(tokens, i, vocab.landPatterns, (l) => l.pattern)?.code;
  for (let i = 0; i < tokens.length && !city; i++) {
    const hit = firstAt(
      tokens,
      i,
      vocab.cityPatterns,
      (c) => c.pattern,
      (c) => !land || c.code === land,
    );
    if (hit) {
      city = hit.city;
      land ??= hit.code;
    }
  }
  if (!land) land = (text.match(/\b[A-Z]{2}\b/g) ?? []).find((c) => landCodes.has(c)) as BundeslandCode | undefined;
  if (!land) {
    const slip = misspeltPlace(tokens, vocab);
    land = slip?.code;
    city ??= slip?.city;
  }
  return { land, city };
}

/** The Land and city a text names: a city implies its Land; Land codes count only in capitals ("NRW", "BY"). */
export function findPlace(text: string, vocab: QueryVocabulary): { land?: BundeslandCode; city?: string } {
  return placeIn(text, tokensOf(text), vocab);
}

const filtersIn = (tokens: string[], vocab: QueryVocabulary): Filter[] =>
  vocab.filters.filter((f) => has(tokens, f.patterns)).map((f) => f.filter);

export function filtersOf(text: string, vocab: QueryVocabulary): Filter[] {
  return filtersIn(tokensOf(text), vocab);
}

/**
 * Whether a free-text question asks for contacts, and for which Land, city and group. Without a Land the
 * question must also ask where or who ("Welche …", "gibt es", "where"), so "Was macht eine
 * Fachberatungsstelle?" stays a knowledge question.
 */
export function parseContactQuestion(text: string, vocab: QueryVocabulary): ContactQuestion | undefined {
  const tokens = tokensOf(text);
  if (has(tokens, vocab.notIntent)) return undefined;
  const place = placeIn(text, tokens, vocab);
  // The place may stand in the story ("Ich arbeite in Köln. Wen rufe ich an?"), the asking only in the question:
  // "… ist in einer Beratungsstelle angebunden. Hat er Anspruch auf Bürgergeld?" asks no contact.
  const asked = tokensOf(questionClause(text));
  const strong = has(asked, vocab.intent);
  const weak = !strong && place.land !== undefined && has(asked, vocab.intentWithPlace);
  if (!strong && !weak) return undefined;
  if (!place.land && !has(tokens, vocab.lookupCues)) return undefined;
  return { ...place, filters: filtersIn(tokens, vocab) };
}

/**
 * Whether a question may ask whom to contact, read more widely than parseContactQuestion (which decides
 * whether the chat answers with the directory card): any who/where cue in the question counts ("Wen rufe ich
 * hier in Sachsen-Anhalt an?", "Wer berät in Sachsen-Anhalt?"). A story that asks what to do ("… wo sie wohnt.
 * Was mach ich jetzt?") does not.
 */
export function mayAskForContact(text: string, vocab: QueryVocabulary): boolean {
  if (parseContactQuestion(text, vocab) !== undefined) return true;
  const asked = tokensOf(questionClause(text));
  return !has(tokensOf(text), vocab.notIntent) && has(asked, vocab.lookupCues);
}
