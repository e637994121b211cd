import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import type { z } from 'zod';
import { checklistsDir, projectRoot } from '../knowledge/paths';
import { Checklist, Contact, FACT_VALUES, FactsFile, type Checklist as ChecklistT, type Contact as ContactT, type FactDef } from './schema';
import { amendmentsPath, loadAmendments, type LawChangeData } from './amendments';
import { FACHINFO, sourceDates, stepProblems } from './stepChecks';
import { correctionsPath, loadCorrections, type Correction } from './corrections';

export const contactsPath = path.join(projectRoot, 'knowledge', 'contacts.yaml');
export const factsPath = path.join(projectRoot, 'dialogs', 'facts.yaml');
/** The source id of guidance written from the checked domain facts (knowledge/reference/domain-facts.md). */
export const FACHINFO_SOURCE = FACHINFO;

export interface DialogContent {
  checklists: ChecklistT[];
  contacts: Map<string, ContactT>;
  facts: FactDef[];
  /** Known law changes and the laws norms may cite (dialogs/amendments.yaml). */
  lawChanges: LawChangeData;
  /** Corrections of outdated statements in source documents (dialogs/corrections.yaml). */
  corrections: Correction[];
  /** Files read, for staleness checks of the knowledge index. */
  files: string[];
}

export class ContentError extends Error {}

function parseFile<T>(file: string, schema: z.ZodType<T, z.ZodTypeDef, unknown>): T {
  let raw: unknown;
  try {
    raw = YAML.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    throw new ContentError(`${file}: YAML: ${(err as Error).message.split('\n')[0]}`);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ContentError(`${file}: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  return parsed.data;
}

export function checklistFiles(dir = checklistsDir): string[] {
  return fs.readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort().map((f) => path.join(dir, f));
}

/**
 * Loads and cross-checks checklists, contacts and case-fact questions. Any problem stops with the file,
 * the path inside it and the reason, so a practitioner can fix a YAML file without reading TypeScript.
 */
export function loadDialogContent(options: { dir?: string; contactsFile?: string; knownSources?: Set<string>; amendmentsFile?: string; today?: string } = {}): DialogContent {
  const contactsFile = options.contactsFile ?? contactsPath;
  const contactList = parseFile(contactsFile, Contact.array());
  const contacts = new Map(contactList.map((c) => [c.id, c]));
  if (contacts.size !== contactList.length) throw new ContentError(`${contactsFile}: duplicate contact id`);
  const facts = parseFile(factsPath, FactsFile).facts;
  for (const def of facts) {
    const allowed = FACT_VALUES[def.key] as readonly string[];
    const bad = def.options.find((o) => !allowed.includes(o.value));
    if (bad) throw new ContentError(`${factsPath}: ${def.key}: unknown value "${bad.value}" (allowed: ${allowed.join(', ')})`);
  }
  const lawChanges = loadAmendments(options.amendmentsFile ?? amendmentsPath);
  const dates = sourceDates();
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const corrections = loadCorrections();
  corrections.forEach((c, i) => {
    if (!dates.has(c.source)) throw new ContentError(`${correctionsPath}: corrections.${i}.source: unknown source "${c.source}"`);
    if (c.stand > today) throw new ContentError(`${correctionsPath}: corrections.${i}.stand: ${c.stand} lies after today (${today})`);
  });
  const files = checklistFiles(options.dir);
  const checklists = files.map((file) => {
    const checklist = parseFile(file, Checklist);
    if (checklist.id !== path.basename(file).replace(/\.ya?ml$/, '')) throw new ContentError(`${file}: id: must equal the file name`);
    checklist.steps.forEach((step, i) => {
      const missing = step.contacts.find((id) => !contacts.has(id));
      if (missing) throw new ContentError(`${file}: steps.${i}.contacts: unknown contact "${missing}" (see ${path.basename(contactsFile)})`);
      if (options.knownSources && step.source !== FACHINFO_SOURCE && !options.knownSources.has(step.source)) {
        throw new ContentError(`${file}: steps.${i}.source: unknown source "${step.source}"`);
      }
    });
    const problem = stepProblems(checklist, lawChanges, dates, today)[0];
    if (problem) throw new ContentError(`${file}: ${problem}`);
    return checklist;
  });
  checklists.sort((a, b) => a.order - b.order);
  return { checklists, contacts, facts, lawChanges, corrections, files: [...files, contactsFile, factsPath, lawChanges.file, correctionsPath] };
}
