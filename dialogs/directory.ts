import fs from 'node:fs';
import path from 'node:path';
import { parseYaml } from '../knowledge/yamlFile';
import { z } from 'zod';
import { BUNDESLAENDER } from '../knowledge/sourceSchema';
import { projectRoot } from '../knowledge/paths';
import { parsePhones, type PhoneNumber } from './phone';

/** The checked directory of counselling centres and contact points (content: dialogs/directory.yaml). */
export const directoryPath = path.join(projectRoot, 'dialogs', 'directory.yaml');

/** The 16 Land codes plus DE for nationwide services. */
export const DIRECTORY_LANDS = [...BUNDESLAENDER, 'DE'] as const;
export type DirectoryLand = (typeof DIRECTORY_LANDS)[number];
export const ENTRY_KINDS = ['fachberatungsstelle', 'arbeitsausbeutung', 'polizei', 'bundesweit', 'sonstige'] as const;
export const GROUPS = ['women', 'men', 'minors', 'all'] as const;
export const FORMS = ['sexual', 'labour', 'other', 'all'] as const;
/** Older than this (or undated) → "vor Nutzung prüfen", and listed by npm run directory:check. */
export const DEFAULT_MAX_AGE_MONTHS = 18;

const text = z.string().trim().min(1);
const url = z
  .string()
  .url()
  .refine((u) => /^https?:\/\//.test(u), 'expected an http(s) address');
const stand = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'expected YYYY-MM-DD, YYYY-MM or YYYY (null when undated)');

export const DirectoryEntry = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'kebab-case id'),
    name: text,
    organisation: text.nullable(),
    land: z.enum(DIRECTORY_LANDS, { errorMap: () => ({ message: `unknown Land code (allowed: ${DIRECTORY_LANDS.join(', ')})` }) }),
    city: text.nullable(),
    focus: text,
    kind: z.enum(ENTRY_KINDS),
    groups: z.array(z.enum(GROUPS)).min(1),
    forms: z.array(z.enum(FORMS)).min(1),
    languages: z.array(z.string().regex(/^[a-z]{2}$/, 'ISO 639-1 code such as de')).default([]),
    hotline: z.boolean().default(false),
    hours: text.optional(),
    summary: z.object({ de: text, en: text }).strict().optional(),
    /** For a service without its own address: the entry whose website leads to it. */
    via: z.string().optional(),
    website: url.nullable(),
    phone: text.nullable(),
    email: z.string().email().nullable(),
    source_url: z
      .array(url, { required_error: 'missing: every entry needs the page it was seen on' })
      .min(1, 'every entry needs the page it was seen on'),
    date_seen: text,
    stand: stand.nullable(),
    confidence: z.enum(['H', 'M']),
  })
  .strict()
  .superRefine((e, ctx) => {
    if (e.phone !== null) {
      const { bad } = parsePhones(e.phone);
      if (bad !== undefined)
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          path: ['phone'],
          message: `unusual phone number format "${bad}" (expected e.g. 030 123456, +49 40 123456 or 116 016)`,
        });
    }
    if (e.hotline && (!e.phone || !e.hours))
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['hours'], message: 'a hotline needs a phone number and its hours' });
  });

const DirectoryFile = z.object({ version: z.number().int(), entries: z.array(z.unknown()) }).strict();

export type DirectoryEntry = z.infer<typeof DirectoryEntry>;

export interface Directory {
  entries: DirectoryEntry[];
  byId: Map<string, DirectoryEntry>;
  file: string;
}

export class DirectoryError extends Error {}

function entryLabel(raw: unknown, index: number): string {
  const r = (raw ?? {}) as { id?: unknown; name?: unknown };
  const id = typeof r.id === 'string' ? r.id : undefined;
  const name = typeof r.name === 'string' ? r.name : undefined;
  return `entries.${index}${id ? ` (${id})` : name ? ` („${name}“)` : ''}`;
}

/** Loads and validates the directory. Errors name the file, the entry (index, id or name) and the field. */
export function loadDirectory(file = directoryPath): Directory {
  let raw: unknown;
  try {
    raw = parseYaml(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    throw new DirectoryError(`${file}: YAML: ${(err as Error).message.split('\n')[0]}`);
  }
  const top = DirectoryFile.safeParse(raw);
  if (!top.success) throw new DirectoryError(`${file}: ${top.error.issues[0].path.join('.') || '(root)'}: ${top.error.issues[0].message}`);
  const entries = top.data.entries.map((item, i) => {
    const parsed = DirectoryEntry.safeParse(item);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = issue.path.join('.') || '(entry)';
      const message = issue.code === 'invalid_type' && issue.received === 'undefined' ? 'missing' : issue.message;
      throw new DirectoryError(`${file}: ${entryLabel(item, i)}: ${field}: ${message}`);
    }
    return parsed.data;
  });
  const byId = new Map<string, DirectoryEntry>();
  entries.forEach((e, i) => {
    if (byId.has(e.id)) throw new DirectoryError(`${file}: ${entryLabel(e, i)}: id: duplicate id "${e.id}"`);
    byId.set(e.id, e);
  });
  entries.forEach((e, i) => {
    if (e.via && !byId.has(e.via)) throw new DirectoryError(`${file}: ${entryLabel(e, i)}: via: unknown entry "${e.via}"`);
  });
  return { entries, byId, file };
}

export function phonesOf(entry: DirectoryEntry): PhoneNumber[] {
  return entry.phone ? parsePhones(entry.phone).numbers : [];
}

/** The date a Stand stands for, at its earliest ("2025" → 1 January 2025), so age is never understated. */
export function standDate(s: string): Date {
  const [y, m = '01', d = '01'] = s.split('-');
  return new Date(`${y}-${m}-${d}T00:00:00Z`);
}

export function monthsBetween(from: Date, to: Date): number {
  return (
    (to.getUTCFullYear() - from.getUTCFullYear()) * 12 +
    (to.getUTCMonth() - from.getUTCMonth()) -
    (to.getUTCDate() < from.getUTCDate() ? 1 : 0)
  );
}

export type CheckReason = 'undated' | 'old' | 'secondary';

/** Why an entry should be checked before use: no date, an old date, or only secondary sources (M). */
export function checkReasons(entry: DirectoryEntry, now: Date, maxAgeMonths = DEFAULT_MAX_AGE_MONTHS): CheckReason[] {
  const reasons: CheckReason[] = [];
  if (!entry.stand) reasons.push('undated');
  else if (monthsBetween(standDate(entry.stand), now) > maxAgeMonths) reasons.push('old');
  if (entry.confidence !== 'H') reasons.push('secondary');
  return reasons;
}

/** The name without trailing explanations in brackets, for cards. */
export function shortName(entry: DirectoryEntry): string {
  const cut = entry.name.indexOf(' (');
  return cut > 0 ? entry.name.slice(0, cut) : entry.name;
}

/** The place(s) without notes in brackets ("Plauen (and Cheb, CZ)" → "Plauen"). */
export function placeOf(entry: DirectoryEntry): string | undefined {
  const place = entry.city?.replace(/\s*\([^)]*\)/g, '').trim();
  return place || undefined;
}
