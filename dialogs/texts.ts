import path from 'node:path';
import { z } from 'zod';
import { readYamlFile } from '../knowledge/yamlFile';
import { dialogsDir } from './paths';

const line = z.string().trim().min(1);

const TextSet = z
  .object({
    welcomeTitle: line, welcome: line, privacy: line, emergency: line,
    helpTitle: line, help: line, helpCommands: line, exampleQuestions: z.array(line).min(1),
    answerTitle: line, uncertainIntro: line, alternativesLabel: line,
    sourceLabel: line, standLabel: line, dateUnknown: line,
    oldSource: line, undatedSource: line,
    notFoundTitle: line, notFound: line, unknownWords: line, tryInstead: line,
    emptyMessage: line, tooLong: line, passageGone: line, error: line,
    checklistIntro: line, factProgress: line, menuTitle: line, menuSuggested: line, menuEntry: line, stepCounter: line, stepDo: line, stepWhy: line, stepContacts: line, stepLegal: line, stepSource: line, phoneLabel: line, lookupLabel: line, statusDone: line, statusLater: line, uncertainFact: line, btnStart: line, btnAsk: line, btnDone: line, btnLater: line, btnBack: line, btnMore: line, btnEmergency: line, btnSummary: line, btnMenu: line, btnResume: line, btnOpenChecklist: line, btnPrint: line, checklistCommands: line, checklistDoneTitle: line, openStepsLabel: line, nextChecklist: line, allDone: line, summaryTitle: line, summaryFacts: line, summaryDone: line, summaryOpen: line, summaryContacts: line, summaryLegal: line, summaryPrivacy: line, summaryCopy: line, summaryNeedsFacts: line, cancelled: line, nothingToResume: line, emergencyTitle: line, emergencyResume: line, resumeHint: line, askPrompt: line, forgotten: line, rateLimited: line, storageUnavailable: line, conflict: line, sendTimeout: line, personalOnly: line, feedbackQuestion: line, feedbackYes: line, feedbackNo: line, feedbackThanks: line, feedbackThanksNo: line,
  })
  .strict();

const TextsFile = z.object({ version: z.number().int(), de: TextSet, en: TextSet }).strict();

export type Language = 'de' | 'en';
export type TextSet = z.infer<typeof TextSet>;
export type Texts = Record<Language, TextSet>;

export const textsPath = path.join(dialogsDir, 'texts.yaml');

export function loadTexts(file = textsPath): Texts {
  const { de, en } = readYamlFile(file, TextsFile);
  return { de, en };
}

/** Fills {placeholders}; a missing value leaves the placeholder visible rather than failing. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, key: string) => (key in values ? String(values[key]) : m));
}
