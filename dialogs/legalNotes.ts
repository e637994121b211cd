import path from 'node:path';
import { z } from 'zod';
import { readYamlFile } from '../knowledge/yamlFile';
import type { LegalNoteRule } from '../knowledge/legalNotes';
import type { Language } from './texts';
import { dialogsDir } from './paths';

export const legalNotesPath = path.join(dialogsDir, 'legal-notes.yaml');

const NotesFile = z.object({
  version: z.number().int(),
  notes: z.array(
    z.object({ id: z.string().min(1), match: z.array(z.string().min(1)).min(1), de: z.string().min(1), en: z.string().min(1) }).strict(),
  ),
});

/** A note shown beside passages that mention outdated law: its matching words (for knowledge/) and its wording. */
export interface LegalNote extends LegalNoteRule {
  text: Record<Language, string>;
}

export function loadLegalNotes(file = legalNotesPath): LegalNote[] {
  return readYamlFile(file, NotesFile).notes.map((n) => ({ id: n.id, match: n.match, text: { de: n.de, en: n.en } }));
}
