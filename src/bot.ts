import { ActivityTypes, type Storage, type TurnContext } from 'botbuilder';
import { Application } from './teamsAi';
import { composeAnswer, viewPassage, type AnswerPolicy, type PassageView } from '../knowledge/answer';
import type { Lexicon } from '../knowledge/lexicon';
import type { KnowledgeSearch } from '../knowledge/search';
import { checklistOfSource } from '../dialogs/checklistPassages';
import type { Definitions, Progress } from '../dialogs/engine';
import { fill, type CommandName, type Language, type Texts } from '../dialogs/texts';
import { answerCard, notFoundCard } from './cards/answerCard';
import type { FeedbackStore } from './feedback';
import { VERB_ASK, VERB_CHECKLIST, VERB_EMERGENCY, VERB_FEEDBACK, VERB_SHOW_PASSAGE } from './cards/verbs';
import { helpCard, welcomeCard } from './cards/infoCards';
import { turnReader } from './commands';
import { seenBefore } from './replayGuard';
import { normalizeIncomingText } from './channels/incoming';
import { isSharedConversation, mentionsBot } from './channels/teams';
import { registerMessageExtension } from './channels/messageExtension';
import type { DirectoryResults } from './extensionSearch';
import {
  ChecklistSubmit,
  currentProgress,
  runChecklist,
  sendEmergency,
  toAction,
  type ChecklistDeps,
  type LotseTurnState,
} from './checklistTurn';
import { cardReply } from './replies';
import { directoryRoutes } from './directoryTurn';
import type { LawChangeData } from '../dialogs/amendments';
import type { Correction } from '../dialogs/corrections';
import { dailyLawChangeNotes } from './lawChangeNotes';
import { recognisedFacts } from '../dialogs/recognisedFacts';
import { VERB_START_WITH_FACTS, withCaseFactsOffer } from './cards/caseFactsCard';
import { startWithFacts } from './caseFactsTurn';

export interface BotDeps {
  storage: Storage;
  search: KnowledgeSearch;
  lexicon: Lexicon;
  texts: Texts;
  defs: Definitions;
  policy: Omit<AnswerPolicy, 'now'>;
  maxMessageLength: number;
  feedback: FeedbackStore;
  printUrl: (progress: Progress, language: Language) => string | undefined;
  /** Directory entries for the Teams message extension's search (issue 13); without it only passages are offered. */
  directoryResults?: DirectoryResults;
  /** Told the type of an error the message extension turned into a friendly answer. */
  onExtensionError?: (err: Error) => void;
  now?: () => Date;
  /** Known law changes: answers and steps citing a changed law get a generated note. */
  lawChanges: LawChangeData;
  corrections: Correction[];
}

type Handler = (ctx: TurnContext, state: LotseTurnState, language: Language) => Promise<unknown>;

/** The bot: a flat table of handlers. Channel differences stay in ./channels. */
export function createBot(deps: BotDeps): Application<LotseTurnState> {
  const { search, texts } = deps;
  const now = deps.now ?? (() => new Date());
  const policy = (): AnswerPolicy => ({ ...deps.policy, now: now() });
  const send = (ctx: TurnContext, card: Parameters<typeof cardReply>[1]) => ctx.sendActivity(cardReply(ctx.activity.channelId, card));

  async function showPassage(ctx: TurnContext, passageId: string, language: Language): Promise<void> {
    const hit = search.passage(passageId);
    if (!hit) {
      await ctx.sendActivity(texts[language].passageGone);
      return;
    }
    const view = {
      kind: 'answer' as const,
      language,
      main: lawChangeNoted(viewPassage(hit, policy()), language),
      alternatives: [],
      unknownWords: [],
    };
    await send(ctx, answerCard(view, texts[language], checklistTitle(hit.source.id)));
  }

  const dailyNotes = dailyLawChangeNotes(
    { checklists: deps.defs.checklists, lawChanges: deps.lawChanges, corrections: deps.corrections },
    texts,
  );

  function lawChangeNoted(view: PassageView, language: Language): PassageView {
    const hit = search.passage(view.id);
    return hit ? dailyNotes(view, hit, language, now()) : view;
  }

  const checklistDeps: ChecklistDeps = {
    defs: deps.defs,
    texts,
    search,
    printUrl: deps.printUrl,
    now,
    send,
    showPassage,
    lawChanges: deps.lawChanges,
  };

  function checklistTitle(sourceId: string) {
    const id = checklistOfSource(sourceId);
    const checklist = id && deps.defs.checklists.find((c) => c.id === id);
    return checklist ? { id: checklist.id, title: checklist.title } : undefined;
  }

  const read = turnReader(texts, deps.lexicon);

  async function answer(ctx: TurnContext, state: LotseTurnState, question: string, language: Language): Promise<void> {
    const t = texts[language];
    if (question.length > deps.maxMessageLength) {
      await ctx.sendActivity(fill(t.tooLong, { length: question.length, max: deps.maxMessageLength }));
      return;
    }
    const result = search.search(question);
    const decorate = await directory.answer(ctx, question, language, result);
    if (!decorate) return;
    await ctx.sendActivity({ type: ActivityTypes.Typing });
    const composed = composeAnswer(result, policy(), language);
    const view = composed.main ? { ...composed, main: lawChangeNoted(composed.main, language) } : composed;
    // A case description: offer "Erste Schritte" with the recognised facts pre-selected (stored only on a press).
    const recognised = isSharedConversation(ctx.activity) ? [] : recognisedFacts(result.facts, deps.defs);
    if (view.main)
      await send(ctx, withCaseFactsOffer(decorate(answerCard(view, t, checklistTitle(view.main.sourceId))), recognised, t, language));
    else await send(ctx, withCaseFactsOffer(notFoundCard(view, t, t.exampleQuestions), recognised, t, language));
    if (currentProgress(state)) await ctx.sendActivity(t.resumeHint);
  }

  /** Checklists carry case facts: in a Teams group chat or channel they are offered in a personal chat instead. */
  const personalOnly =
    (handler: Handler): Handler =>
    async (ctx, state, language) => {
      if (isSharedConversation(ctx.activity)) await ctx.sendActivity(texts[language].personalOnly);
      else await handler(ctx, state, language);
    };

  /** One handler per typed command; the words that trigger them (and the help's list) are in texts.yaml. */
  const COMMANDS: Record<CommandName, Handler> = {
    help: (ctx, _s, l) => send(ctx, helpCard(texts[l], l)),
    start: personalOnly((ctx, s, l) => runChecklist(ctx, s, { type: 'start' }, checklistDeps, l)),
    resume: personalOnly((ctx, s, l) => runChecklist(ctx, s, { type: 'resume' }, checklistDeps, l)),
    back: personalOnly((ctx, s, l) => runChecklist(ctx, s, { type: 'back' }, checklistDeps, l)),
    summary: personalOnly((ctx, s, l) => runChecklist(ctx, s, { type: 'summary' }, checklistDeps, l)),
    cancel: (ctx, s, l) => runChecklist(ctx, s, { type: 'cancel' }, checklistDeps, l),
    ask: (ctx, _s, l) => ctx.sendActivity(texts[l].askPrompt),
    forget: async (ctx, s, l) => {
      s.deleteConversationState();
      s.deleteUserState();
      await ctx.sendActivity(texts[l].forgotten);
    },
    emergency: (ctx, s, l) => sendEmergency(ctx, s, checklistDeps, l),
  };

  const app = new Application<LotseTurnState>({ storage: deps.storage, removeRecipientMention: true, startTypingTimer: false });
  // Before the catch-all message handler below: the extension's "open in chat" command is a message too.
  registerMessageExtension(app, {
    search,
    lexicon: deps.lexicon,
    texts,
    defs: deps.defs,
    policy,
    noted: lawChangeNoted,
    maxQueryLength: deps.maxMessageLength,
    directoryResults: deps.directoryResults,
    showPassage,
    onError: deps.onExtensionError,
  });

  // A repeated activity id (double click, channel redelivery, retried POST) is handled once only.
  app.turn('beforeTurn', async (ctx, state) => {
    const { type, id } = ctx.activity;
    if ((type !== ActivityTypes.Message && type !== ActivityTypes.Invoke) || typeof id !== 'string' || !id) return true;
    const result = seenBefore(state.conversation.seenActivities ?? [], id.slice(0, 128), now().getTime());
    state.conversation.seenActivities = result.seen;
    return !result.repeat;
  });

  const directory = directoryRoutes(app, { directory: deps.defs.directory, texts, now, send });

  app.conversationUpdate('membersAdded', async (ctx) => {
    const added = ctx.activity.membersAdded ?? [];
    const botAdded = added.some((m) => m.id === ctx.activity.recipient?.id);
    // In a team or group chat Lotse introduces itself once, when it is added, not for every new member.
    const greet = isSharedConversation(ctx.activity) ? botAdded : added.some((m) => m.id !== ctx.activity.recipient?.id);
    if (!greet) return;
    const t = texts.de;
    const welcome = cardReply(ctx.activity.channelId, welcomeCard(t, 'de'));
    // Three starting actions: Teams shows at most three suggested actions.
    welcome.suggestedActions = {
      to: [],
      actions: [t.btnStart, t.btnAsk, t.btnEmergency].map((title) => ({ type: 'imBack', title, value: title })),
    };
    await ctx.sendActivity(welcome);
  });

  const languageOf = (ctx: TurnContext) => read(ctx.activity, '').language;

  app.adaptiveCards.actionSubmit<{ passageId?: unknown }>(VERB_SHOW_PASSAGE, async (ctx, _state, data) => {
    await showPassage(ctx, typeof data.passageId === 'string' ? data.passageId : '', languageOf(ctx));
  });

  app.adaptiveCards.actionSubmit<{ passageId?: unknown; helpful?: unknown }>(VERB_FEEDBACK, async (ctx, _state, data) => {
    const language = languageOf(ctx);
    const hit = typeof data.passageId === 'string' ? search.passage(data.passageId) : undefined;
    if (!hit || (data.helpful !== 'yes' && data.helpful !== 'no')) {
      await ctx.sendActivity(texts[language].passageGone);
      return;
    }
    await deps.feedback.record(hit.passage.id, data.helpful === 'yes', ctx.activity.channelId, now(), ctx.activity.conversation.id);
    await ctx.sendActivity(data.helpful === 'yes' ? texts[language].feedbackThanks : texts[language].feedbackThanksNo);
  });

  app.adaptiveCards.actionSubmit<{ question?: unknown }>(VERB_ASK, async (ctx, state, data) => {
    const question = normalizeIncomingText(typeof data.question === 'string' ? data.question : '');
    await answer(ctx, state, question, read(ctx.activity, question).language);
  });

  app.adaptiveCards.actionSubmit<Record<string, unknown>>(VERB_CHECKLIST, async (ctx, state, data) => {
    const parsed = ChecklistSubmit.safeParse(data);
    const language = languageOf(ctx);
    if (isSharedConversation(ctx.activity)) {
      await ctx.sendActivity(texts[language].personalOnly);
      return;
    }
    if (!parsed.success) await runChecklist(ctx, state, { type: 'resume' }, checklistDeps, language);
    else await runChecklist(ctx, state, toAction(parsed.data), checklistDeps, language);
  });

  app.adaptiveCards.actionSubmit<Record<string, unknown>>(VERB_START_WITH_FACTS, async (ctx, state, data) => {
    const language: Language = data.lang === 'en' ? 'en' : 'de';
    if (isSharedConversation(ctx.activity)) await ctx.sendActivity(texts[language].personalOnly);
    else await startWithFacts(ctx, state, data, checklistDeps, language);
  });

  app.adaptiveCards.actionSubmit(VERB_EMERGENCY, async (ctx, state) => sendEmergency(ctx, state, checklistDeps, languageOf(ctx)));

  app.activity(ActivityTypes.Message, async (ctx, state) => {
    // In group chats and channels Lotse listens only when addressed.
    if (isSharedConversation(ctx.activity) && !mentionsBot(ctx.activity)) return;
    const text = normalizeIncomingText(ctx.activity.text);
    if (!text) {
      await ctx.sendActivity(texts.de.emptyMessage);
      return;
    }
    const { command, language } = read(ctx.activity, text);
    if (command) await COMMANDS[command](ctx, state, language);
    else await answer(ctx, state, text, language);
  });

  return app;
}
