import fs from 'node:fs';
import path from 'node:path';
import { parseYaml } from '../knowledge/yamlFile';
import { z } from 'zod';
import { projectRoot } from '../knowledge/paths';
import { wordPattern } from './norms';

export const correctionsPath = path.join(projectRoot, 'dialogs', 'corrections.yaml');

const text = z.string().trim().min(1);
const CorrectionsFile = z
  .object({
    version: z.number().int(),
    corrections: z.array(
      z
        .object({
          id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'kebab-case id'),
          source: text,
          match: z.array(text).min(1),
          stand: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected an ISO date like 2026-12-01'),
          de: text,
          en: text,
        })
        .strict(),
    ),
  })
  .strict();

export interface Correction {
  id: string;
  source: string;
  stand: string;
  patterns: RegExp[];
  text: { de: string; en: string };
}

/** Reads the corrections; problems name the file, entry and field. */
export function loadCorrections(file = correctionsPath): Correction[] {
  const parsed = CorrectionsFile.safeParse(parseYaml(fs.readFileSync(file, 'utf8')));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${file}: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  return parsed.data.corrections.map((c) => ({
    id: c.id,
    source: c.source,
    stand: c.stand,
    patterns: c.match.map((w) => wordPattern([w])),
    text: { de: c.de, en: c.en },
  }));
}

/** Corrections for one passage of a source document. */
export function correctionsFor(sourceId: string, passageText: string, corrections: Correction[]): Correction[] {
  return corrections.filter((c) => c.source === sourceId && c.patterns.every((p) => p.test(passageText)));
}
