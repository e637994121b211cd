import { z } from 'zod';

export const BUNDESLAENDER = ['BW', 'BY', 'BE', 'BB', 'HB', 'HH', 'HE', 'MV', 'NI', 'NW', 'RP', 'SL', 'SN', 'ST', 'SH', 'TH'] as const;
export const Bundesland = z.enum(BUNDESLAENDER);
export type BundeslandCode = z.infer<typeof Bundesland>;

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date like 2024-01-31, or null / "unbekannt" when unknown')
  .refine((s) => !Number.isNaN(Date.parse(s)), 'not a real calendar date');

/** Provenance every source must carry; a missing or bad field stops the build. */
export const SourceMeta = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{2,80}$/, 'lower-case letters, digits and hyphens (3–80 characters)'),
    title: z.string().trim().min(3),
    publisher: z.string().trim().min(2),
    date: z.preprocess(
      (v) => (v === 'unbekannt' || v === 'unknown' ? null : v instanceof Date ? v.toISOString().slice(0, 10) : v),
      isoDate.nullable(),
    ),
    dateNote: z.string().trim().min(1).optional(),
    url: z.string().url().nullable().default(null),
    topics: z.array(z.string().min(1)).default([]),
    bundesland: Bundesland.nullable().default(null),
    language: z.enum(['de', 'en']).default('de'),
  })
  .strict();

export type SourceMeta = z.infer<typeof SourceMeta>;

/** Explains the first problem of a failed parse as "field: reason". */
export function describeIssue(error: z.ZodError): string {
  return error.issues
    .map(
      (i) => `${i.path.join('.') || '(front matter)'}: ${i.code === 'invalid_type' && i.received === 'undefined' ? 'missing' : i.message}`,
    )
    .join('; ');
}
