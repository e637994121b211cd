import fs from 'node:fs';
import path from 'node:path';
import { parseYaml } from '../knowledge/yamlFile';
import { z } from 'zod';
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
}

const tokensOf = (text: string) => fold(text).match(/[a-z0-9]+/g) ?? [];

function pattern(p: string): Pattern {
  const prefix = p.endsWith('*');
  return { tokens: tokensOf(prefix ? p.slice(0, -1) : p), prefix };
}

const byLength = (a: { pattern: Pattern }, b: { pattern: Pattern }) => b.pattern.tokens.length - a.pattern.tokens.length;

export function loadQueryVocabulary(file = directoryQueryPath): QueryVocabulary {
  const parsed = QueryFile.safeParse(parseYaml(fs.readFileSync(file, 'utf8')));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${file}: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  const d = parsed.data;
  return {
    lands: d.lands.map(({ code, de, en }) => ({ code, de, en })),
    landPatterns: d.lands.flatMap((l) => [l.de, l.en, ...l.aliases].map((a) => ({ code: l.code, pattern: pattern(a) }))).sort(byLength),
    cityPatterns: d.lands.flatMap((l) => l.cities.map((c) => ({ code: l.code, city: c, pattern: pattern(c) }))).sort(byLength),
    intent: d.intent.map(pattern),
    intentWithPlace: d.intentWithPlace.map(pattern),
    lookupCues: d.lookupCues.map(pattern),
    notIntent: d.notIntent.map(pattern),
    filters: FILTERS.map((filter) => ({ filter, patterns: d.filters[filter].map(pattern) })),
  };
}

function matchAt(tokens: string[], at: number, p: Pattern): boolean {
  if (p.tokens.length === 0 || at + p.tokens.length > tokens.length) return false;
  return p.tokens.every((t, i) => (p.prefix && i === p.tokens.length - 1 ? tokens[at + i].startsWith(t) : tokens[at + i] === t));
}

const has = (tokens: string[], patterns: Pattern[]) => patterns.some((p) => tokens.some((_, i) => matchAt(tokens, i, p)));

export interface ContactQuestion {
  land?: BundeslandCode;
  /** A city from the vocabulary, as written there. */
  city?: string;
  filters: Filter[];
}

/** The Land and city a text names: a city implies its Land; Land codes count only in capitals ("NRW", "BY"). */
export function findPlace(text: string, vocab: QueryVocabulary): { land?: BundeslandCode; city?: string } {
  const tokens = tokensOf(text);
  let land: BundeslandCode | undefined;
  let city: string | undefined;
  for (let i = 0; i < tokens.length && !land; i++) land = vocab.landPatterns.find((l) => matchAt(tokens, i, l.pattern))?.code;
  for (let i = 0; i < tokens.length && !city; i++) {
    const hit = vocab.cityPatterns.find((c) => matchAt(tokens, i, c.pattern) && (!land || c.code === land));
    if (hit) {
      city = hit.city;
      land ??= hit.code;
    }
  }
  if (!land) {
    const code = (text.match(/\b[A-Z]{2}\b/g) ?? []).find((c) => Bundesland.safeParse(c).success);
    land = code as BundeslandCode | undefined;
  }
  return { land, city };
}

export function filtersOf(text: string, vocab: QueryVocabulary): Filter[] {
  const tokens = tokensOf(text);
  return vocab.filters.filter((f) => has(tokens, f.patterns)).map((f) => f.filter);
}

/**
 * Whether a free-text question asks for contacts, and for which Land, city and group. Without a Land the
 * question must also ask where or who ("Welche …", "gibt es", "where"), so "Was macht eine
 * Fachberatungsstelle?" stays a knowledge question.
 */
export function parseContactQuestion(text: string, vocab: QueryVocabulary): ContactQuestion | undefined {
  const tokens = tokensOf(text);
  if (has(tokens, vocab.notIntent)) return undefined;
  const place = findPlace(text, vocab);
  const strong = has(tokens, vocab.intent);
  const weak = !strong && place.land !== undefined && has(tokens, vocab.intentWithPlace);
  if (!strong && !weak) return undefined;
  if (!place.land && !has(tokens, vocab.lookupCues)) return undefined;
  return { ...place, filters: filtersOf(text, vocab) };
}
