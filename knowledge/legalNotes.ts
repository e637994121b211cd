import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { z } from 'zod';
import { lexiconDir } from './paths';

const NotesFile = z.object({
  version: z.number().int(),
  notes: z.array(z.object({ id: z.string().min(1), match: z.array(z.string().min(1)).min(1), de: z.string().min(1), en: z.string().min(1) }).strict()),
});

export interface LegalNote {
  id: string;
  pattern: RegExp;
  text: { de: string; en: string };
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function loadLegalNotes(file = path.join(lexiconDir, 'legal-notes.yaml')): LegalNote[] {
  const parsed = NotesFile.safeParse(YAML.parse(fs.readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`${file}: ${parsed.error.issues[0].path.join('.')}: ${parsed.error.issues[0].message}`);
  return parsed.data.notes.map((n) => ({
    id: n.id,
    pattern: new RegExp(`(?<![\\p{L}\\p{N}])(?:${n.match.map(escape).join('|')})(?![\\p{L}\\p{N}])`, 'iu'),
    text: { de: n.de, en: n.en },
  }));
}

/** Notes whose words occur in the text (each note once). */
export function notesFor(text: string, notes: LegalNote[]): LegalNote[] {
  return notes.filter((n) => n.pattern.test(text));
}
