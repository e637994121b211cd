import fs from 'node:fs';
import path from 'node:path';
import { readYamlFile } from '../knowledge/yamlFile';
import { checklistsDir, dialogsDir } from './paths';
import { loadDirectory, type Directory } from './directory';
import { Checklist, Contact, FACT_VALUES, FactsFile, type Checklist as ChecklistT, type Contact as ContactT, type FactDef } from './schema';
import { amendmentsPath, loadAmendments, type LawChangeData } from './amendments';
import { FACHINFO, sourceDates, stepProblems } from './stepChecks';
import { correctionsPath, loadCorrections, type Correction } from './corrections';

export const contactsPath = path.join(dialogsDir, 'contacts.yaml');
export const factsPath = path.join(dialogsDir, 'facts.yaml');
/** The source id of guidance written from the checked domain facts (knowledge/reference/domain-facts.md). */
export const FACHINFO_SOURCE = FACHINFO;

export interface DialogContent {
  checklists: ChecklistT[];
  contacts: Map<string, ContactT>;
  facts: FactDef[];
  directory: Directory;
  /** Known law changes and the laws norms may cite (dialogs/amendments.yaml). */
  lawChanges: LawChangeData;
  /** Corrections of outdated statements in source documents (dialogs/corrections.yaml). */
  corrections: Correction[];
  /** Files read, for staleness checks of the knowledge index. */
  files: string[];
}

/** A cross-file content problem (YAML and schema problems come as YamlFileError); names file, path and reason. */
export class ContentError extends Error {}

export function checklistFiles(dir = checklistsDir): string[] {
  return fs
    .readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
    .map((f) => path.join(dir, f));
}

/**
 * Loads and cross-checks checklists, contacts and case-fact questions. Any problem stops with the file,
 * the path inside it and the reason, so a practitioner can fix a YAML file without reading TypeScript.
 */
export function loadDialogContent(
  options: {
    dir?: string;
    contactsFile?: string;
    directoryFile?: string;
    knownSources?: Set<string>;
    knownPassages?: (id: string) => boolean;
    amendmentsFile?: string;
    today?: string;
  } = {},
): DialogContent {
  const contactsFile = options.contactsFile ?? contactsPath;
  const contactList = readYamlFile(contactsFile, Contact.array());
  const contacts = new Map(contactList.map((c) => [c.id, c]));
  if (contacts.size !== contactList.length) throw new ContentError(`${contactsFile}: duplicate contact id`);
  const facts = readYamlFile(factsPath, FactsFile).facts;
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
    const checklist = readYamlFile(file, Checklist);
    if (checklist.id !== path.basename(file).replace(/\.ya?ml$/, '')) throw new ContentError(`${file}: id: must equal the file name`);
    checklist.steps.forEach((step, i) => {
      const missing = step.contacts.find((id) => !contacts.has(id));
      if (missing)
        throw new ContentError(`${file}: steps.${i}.contacts: unknown contact "${missing}" (see ${path.basename(contactsFile)})`);
      if (options.knownSources && step.source !== FACHINFO_SOURCE && !options.knownSources.has(step.source)) {
        throw new ContentError(`${file}: steps.${i}.source: unknown source "${step.source}"`);
      }
      if (step.passage && options.knownPassages && !options.knownPassages(step.passage)) {
        throw new ContentError(`${file}: steps.${i}.passage: unknown passage "${step.passage}" (not in the knowledge index)`);
      }
    });
    const problem = stepProblems(checklist, lawChanges, dates, today)[0];
    if (problem) throw new ContentError(`${file}: ${problem}`);
    return checklist;
  });
  checklists.sort((a, b) => a.order - b.order);
  const directory = loadDirectory(options.directoryFile);
  return {
    checklists,
    contacts,
    facts,
    directory,
    lawChanges,
    corrections,
    files: [...files, contactsFile, factsPath, directory.file, lawChanges.file, correctionsPath],
  };
}
