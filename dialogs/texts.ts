import path from 'node:path';
import { z } from 'zod';
import { readYamlFile } from '../knowledge/yamlFile';
import { dialogsDir } from './paths';
import { DirectoryTexts } from './directoryTexts';

const line = z.string().trim().min(1);

/** Every typed command; the bot has one handler per name, the help lists them from texts.yaml. */
export const COMMAND_NAMES = ['help', 'start', 'resume', 'back', 'summary', 'cancel', 'ask', 'forget', 'emergency'] as const;
export type CommandName = (typeof COMMAND_NAMES)[number];
const Command = z.object({ words: z.array(line).min(1), does: line }).strict();
const Commands = z.object(Object.fromEntries(COMMAND_NAMES.map((n) => [n, Command])) as Record<CommandName, typeof Command>).strict();
/** Wording of the generated law-change notes (dialogs/lawChanges.ts gives the data). */
function lawChangeTexts() {
  return z.object({
    lawChangeStand: line,
    lawChangeNorms: line,
    lawChangeKnownNorms: line,
    lawChangeInSource: line,
    lawReplaced: line,
    listAnd: line,
  });
}

/** What the web chat page and the widget loader show (served to the browser; no wording in its scripts). */
const WebTexts = z
  .object({
    launcher: line,
    launcherNew: line,
    panelTitle: line,
    endConversation: line,
    close: line,
    chatRegion: line,
    connecting: line,
    online: line,
    offline: line,
    reload: line,
    newConversation: line,
    restartEnded: line,
    expired: line,
    userInitials: line,
    tokenInvalid: line,
    originNotAllowed: line,
    tooManyConversations: line,
    badActivity: line,
    notAllowed: line,
  })
  .strict();

const TextSet = z
  .object({
    machineNotice: line,
    web: WebTexts,
    welcomeTitle: line,
    welcome: line,
    privacy: line,
    emergency: line,
    helpTitle: line,
    help: line,
    commandsTitle: line,
    commandLine: line,
    commands: Commands,
    exampleQuestions: z.array(line).min(1),
    answerTitle: line,
    uncertainIntro: line,
    alternativesLabel: line,
    relatedLabel: line,
    sourceLabel: line,
    standLabel: line,
    dateUnknown: line,
    oldSource: line,
    undatedSource: line,
    notFoundTitle: line,
    notFound: line,
    unknownWords: line,
    quotedWord: line,
    tryInstead: line,
    emptyMessage: line,
    tooLong: line,
    passageGone: line,
    error: line,
    checklistIntro: line,
    factProgress: line,
    menuTitle: line,
    menuSuggested: line,
    menuEntry: line,
    stepCounter: line,
    stepDo: line,
    stepWhy: line,
    stepContacts: line,
    stepLegal: line,
    stepSource: line,
    phoneLabel: line,
    lookupLabel: line,
    statusDone: line,
    statusLater: line,
    uncertainFact: line,
    btnStart: line,
    btnAsk: line,
    btnDone: line,
    btnLater: line,
    btnBack: line,
    btnMore: line,
    btnEmergency: line,
    btnSummary: line,
    btnMenu: line,
    btnResume: line,
    btnOpenChecklist: line,
    btnPrint: line,
    checklistCommands: line,
    checklistDoneTitle: line,
    openStepsLabel: line,
    nextChecklist: line,
    allDone: line,
    summaryTitle: line,
    summaryFacts: line,
    summaryDone: line,
    summaryOpen: line,
    summaryContacts: line,
    summaryLegal: line,
    summaryPrivacy: line,
    summaryCopy: line,
    summaryNeedsFacts: line,
    cancelled: line,
    nothingToResume: line,
    emergencyTitle: line,
    emergencyResume: line,
    resumeHint: line,
    askPrompt: line,
    forgotten: line,
    rateLimited: line,
    storageUnavailable: line,
    conflict: line,
    sendTimeout: line,
    personalOnly: line,
    feedbackQuestion: line,
    feedbackYes: line,
    feedbackNo: line,
    feedbackThanks: line,
    feedbackThanksNo: line,
    extensionOpenInChat: line,
    extensionOpenCommand: line,
    extensionNothingFound: line,
    extensionTooLong: line,
    extensionTopics: z.array(line).min(1).max(10),
    staleCard: line,
    fachinfoSource: line,
    checklistSourceTitle: line,
    checklistPublisher: line,
    printTitle: line,
    printHeading: line,
    printCreated: line,
    printCheckbox: line,
    printButton: line,
    printInvalid: line,
    webChatNotConfigured: line,
    webChatUnavailable: line,
    directory: DirectoryTexts,
    caseFactsIntro: line,
    btnStartWithFacts: line,
  })
  .merge(lawChangeTexts())
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
