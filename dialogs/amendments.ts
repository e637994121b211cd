import fs from 'node:fs';
import path from 'node:path';
import { parseYaml } from '../knowledge/yamlFile';
import { z } from 'zod';
import { projectRoot } from '../knowledge/paths';
import { parseNorm, wordPattern, type NormRef } from './norms';

export const amendmentsPath = path.join(projectRoot, 'dialogs', 'amendments.yaml');

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected an ISO date like 2026-06-12')
  .refine((s) => !Number.isNaN(Date.parse(s)), 'not a real calendar date');
const text = z.string().trim().min(1);
const bilingual = z.object({ de: text, en: text }).strict();
const promulgation = z.string().regex(/^BGBl\. \d{4} I (Nr\. \d+|S\. \d+)$/, 'expected a promulgation like "BGBl. 2026 I Nr. 111"');

const Law = z.object({ abbr: text, names: z.array(text).default([]), matchAbbr: z.boolean().default(true) }).strict();

const Amendment = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'kebab-case id'),
    kind: z.literal('amendment'),
    law: text,
    name: bilingual,
    dated: isoDate.optional(),
    article: text.optional(),
    inForce: isoDate,
    promulgation: promulgation,
    norms: z.union([z.literal('unknown'), z.array(text).min(1)]),
    remark: text.optional(),
  })
  .strict();

const Replacement = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'kebab-case id'),
    kind: z.literal('replacement'),
    law: text,
    replacedBy: text,
    inForce: isoDate,
    promulgation: promulgation.optional(),
    /** Only where the fact sheet gives no promulgation: says so, and content:check lists it as a gap. */
    promulgationMissing: text.optional(),
    consequence: bilingual.optional(),
    remark: text.optional(),
  })
  .strict();

const AmendmentsFile = z
  .object({
    version: z.number().int(),
    fachinfo: z.object({ revised: isoDate, statuteText: isoDate }).strict(),
    laws: z.array(Law).min(1),
    amendments: z.array(z.discriminatedUnion('kind', [Amendment, Replacement])).default([]),
  })
  .strict();

export type Amendment = z.infer<typeof Amendment>;
export type Replacement = z.infer<typeof Replacement>;

export interface LawChangeData {
  file: string;
  fachinfo: { revised: string; statuteText: string };
  laws: string[];
  /** Whole-word patterns finding each law in a source's text. */
  lawPatterns: Array<{ law: string; pattern: RegExp }>;
  amendments: Array<(Amendment & { touched: NormRef[] | 'unknown' }) | (Replacement & { touched: 'unknown' })>;
}

export class AmendmentsError extends Error {}

/** Loads and cross-checks the law-change file; any problem names the file, the entry and the field. */
export function loadAmendments(file = amendmentsPath): LawChangeData {
  let raw: unknown;
  try {
    raw = parseYaml(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    throw new AmendmentsError(`${file}: ${(err as Error).message.split('\n')[0]}`);
  }
  const parsed = AmendmentsFile.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AmendmentsError(`${file}: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  const data = parsed.data;
  const laws = data.laws.map((l) => l.abbr);
  const fail = (i: number, field: string, message: string) => new AmendmentsError(`${file}: amendments.${i}.${field}: ${message}`);
  const seen = new Set<string>();
  const amendments = data.amendments.map((a, i) => {
    if (seen.has(a.id)) throw fail(i, 'id', `duplicate id "${a.id}"`);
    seen.add(a.id);
    if (!laws.includes(a.law)) throw fail(i, 'law', `unknown law "${a.law}" (add it under laws)`);
    if (a.kind === 'replacement') {
      if (!!a.promulgation === !!a.promulgationMissing)
        throw fail(i, 'promulgation', 'give either promulgation or, where the fact sheet has none, promulgationMissing');
      if (!laws.includes(a.replacedBy)) throw fail(i, 'replacedBy', `unknown law "${a.replacedBy}"`);
      return { ...a, touched: 'unknown' as const };
    }
    if (a.norms === 'unknown') return { ...a, touched: 'unknown' as const };
    const touched = a.norms.map((n, j) => {
      const ref = parseNorm(`${n} ${a.law}`, laws);
      if (!ref || ref.law !== a.law) throw fail(i, `norms.${j}`, `cannot read "${n}" as a norm of the ${a.law}`);
      return ref;
    });
    return { ...a, touched };
  });
  const lawPatterns = data.laws.map((l) => ({ law: l.abbr, pattern: wordPattern([...(l.matchAbbr ? [l.abbr] : []), ...l.names]) }));
  return { file, fachinfo: data.fachinfo, laws, lawPatterns, amendments };
}
