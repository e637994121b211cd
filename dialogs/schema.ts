import { z } from 'zod';
import { Bundesland } from '../knowledge/sourceSchema';
import { ENTRY_KINDS, type DirectoryEntry } from './directory';

export const FACT_VALUES = {
  danger: ['yes', 'no'],
  land: Bundesland.options,
  age: ['u18', '18-20', '21plus'],
  citizenship: ['eu', 'non-eu', 'unknown'],
  exploitation: ['sexual', 'labour', 'other', 'unclear'],
} as const;

export type FactKey = keyof typeof FACT_VALUES;
export type Facts = { [K in FactKey]?: (typeof FACT_VALUES)[K][number] };
export const FACT_KEYS = Object.keys(FACT_VALUES) as FactKey[];

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected an ISO date like 2026-04-29');
const text = z.string().trim().min(1);

const When = z
  .object({
    danger: z.array(z.enum(FACT_VALUES.danger)).min(1),
    land: z.array(Bundesland).min(1),
    age: z.array(z.enum(FACT_VALUES.age)).min(1),
    citizenship: z.array(z.enum(FACT_VALUES.citizenship)).min(1),
    exploitation: z.array(z.enum(FACT_VALUES.exploitation)).min(1),
  })
  .partial()
  .strict();

export const Step = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'kebab-case id'),
    title: text.max(80),
    /** A few ways practitioners ask for this step; indexed as their own weighted field, never shown. */
    questions: z.array(text.max(200)).max(16).default([]),
    do: text,
    why: text,
    contacts: z.array(z.string()).default([]),
    legal: z.array(text).default([]),
    source: text,
    /** The indexed passage "Mehr dazu" opens, "<sourceId>#<passageId>" of `source`; without it, the step's own passage. */
    passage: z
      .string()
      .regex(/^[a-z0-9-]+#[\w-]+$/, 'expected "<sourceId>#<passageId>"')
      .optional(),
    /** The date the statement was checked; null only for a step resting on an undated source. */
    stand: isoDate.nullable(),
    confidence: z.enum(['H', 'M', 'L']),
    caution: text.optional(),
    when: When.optional(),
  })
  .strict()
  .refine((s) => s.legal.length > 0 || s.source.length > 0, { message: 'every step needs a legal basis or a source' })
  .refine((s) => !s.passage || s.passage.startsWith(`${s.source}#`), {
    message: "passage must belong to the step's source",
    path: ['passage'],
  });

export const Checklist = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    order: z.number().int().min(1),
    title: text.max(50),
    intro: text.max(300),
    steps: z.array(Step).min(1),
  })
  .strict()
  .superRefine((c, ctx) => {
    const seen = new Set<string>();
    c.steps.forEach((s, i) => {
      if (seen.has(s.id)) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['steps', i, 'id'], message: `duplicate step id "${s.id}"` });
      seen.add(s.id);
    });
  });

export const Contact = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    name: text,
    kind: z.enum(['notruf', 'beratung', 'behoerde', 'netzwerk', 'portal']),
    phone: text.optional(),
    url: z.string().url().nullable().optional(),
    address: text.optional(),
    lands: z.array(Bundesland).default([]),
    minorsOnly: z.boolean().default(false),
    description: text,
    lookup: text.optional(),
    /** Shown as (or with `keep`, followed by) the case Land's directory entries of these kinds (dialogs/directory.yaml). */
    directory: z
      .object({ kinds: z.array(z.enum(ENTRY_KINDS)).min(1), keep: z.boolean().default(false) })
      .strict()
      .optional(),
    source: text,
    stand: isoDate,
  })
  .strict();

export const FactsFile = z
  .object({
    version: z.number().int(),
    facts: z.array(
      z
        .object({
          key: z.enum(FACT_KEYS as [FactKey, ...FactKey[]]),
          question: text,
          questionEn: text,
          options: z.array(z.object({ value: z.string(), label: text, labelEn: text.optional() }).strict()).min(2),
        })
        .strict(),
    ),
  })
  .strict();

export type Step = z.infer<typeof Step>;
export type Checklist = z.infer<typeof Checklist>;
/** A contact; `entry` is set when it stands for a directory entry of the case's Land. */
export type Contact = z.infer<typeof Contact> & { entry?: DirectoryEntry };
export type FactDef = z.infer<typeof FactsFile>['facts'][number];
