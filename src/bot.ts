import { ActivityTypes, type Storage, type TurnContext } from 'botbuilder';
import { Application } from '@microsoft/teams-ai';
import { composeAnswer, viewPassage, type AnswerPolicy } from '../knowledge/answer';
import { guessLanguage, type Lexicon } from '../knowledge/lexicon';
import type { KnowledgeSearch } from '../knowledge/search';
import { checklistOfSource } from '../dialogs/checklistPassages';
import type { Definitions, Progress } from '../dialogs/engine';
import type { LegalNote } from '../dialogs/legalNotes';
import { fill, type Language, type Texts } from '../dialogs/texts';
import { answerCard, notFoundCard, VERB_FEEDBACK, VERB_SHOW_PASSAGE } from './cards/answerCard';
import type { FeedbackStore } from './feedback';
import { VERB_CHECKLIST, VERB_EMERGENCY } from './cards/checklistCards';
import { helpCard, welcomeCard } from './cards/infoCards';
import { normalizeIncomingText } from './channels/incoming';
import { isSharedConversation, mentionsBot } from './channels/teams';
import { ChecklistSubmit, currentProgress, runChecklist, sendEmergency, toAction, type ChecklistDeps, type LotseTurnState } from './checklistTurn';
import { cardReply } from './replies';

export interface BotDeps {
  storage: Storage;
  search: KnowledgeSearch;
  lexicon: Lexicon;
  texts: Texts;
  defs: Definitions;
  policy: Omit<AnswerPolicy, 'now'>;
  /** The wording of the legal notes the policy's matchers find. */
  legalNotes: LegalNote[];
  maxMessageLength: number;
  feedback: FeedbackStore;
  /** Deletes what a channel edge holds about a conversation (the web chat's stored activities). */
  forgetChannelData?: (conversationId: string) => void;
  printUrl: (progress: Progress) => string | undefined;
  now?: () => Date;
}

const command = (...words: string[]) => new RegExp(`^\\s*(?:${words.join('|')})\\s*[.!?]*\\s*$`, 'i');
const ENGLISH = /^\s*(help|menu|first steps|checklists?|continue|resume|emergency|cancel|stop|summary|forget)\b/i;

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
    const view = { kind: 'answer' as const, language, main: viewPassage(hit, policy()), alternatives: [], unknownWords: [] };
    await send(ctx, answerCard(view, texts[language], deps.legalNotes, checklistTitle(hit.source.id)));
  }

  const checklistDeps: ChecklistDeps = { defs: deps.defs, texts, search, printUrl: deps.printUrl, now, send, showPassage };

  function checklistTitle(sourceId: string) {
    const id = checklistOfSource(sourceId);
    const checklist = id && deps.defs.checklists.find((c) => c.id === id);
    return checklist ? { id: checklist.id, title: checklist.title } : undefined;
  }

  async function answer(ctx: TurnContext, state: LotseTurnState, question: string): Promise<void> {
    const language = guessLanguage(question, deps.lexicon);
    const t = texts[language];
    if (question.length > deps.maxMessageLength) {
      await ctx.sendActivity(fill(t.tooLong, { length: question.length, max: deps.maxMessageLength }));
      return;
    }
    await ctx.sendActivity({ type: ActivityTypes.Typing });
    const view = composeAnswer(search.search(question), policy(), language);
    if (view.main) await send(ctx, answerCard(view, t, deps.legalNotes, checklistTitle(view.main.sourceId)));
    else await send(ctx, notFoundCard(view, t, t.exampleQuestions));
    if (currentProgress(state)) await ctx.sendActivity(t.resumeHint);
  }

  const languageOf = (text: string): Language => (ENGLISH.test(text) ? 'en' : 'de');

  /** Checklists carry case facts: in a Teams group chat or channel they are offered in a personal chat instead. */
  const personalOnly = (handler: (ctx: TurnContext, state: LotseTurnState, language: Language) => Promise<unknown>) =>
    async (ctx: TurnContext, state: LotseTurnState, language: Language) => {
      if (isSharedConversation(ctx.activity)) await ctx.sendActivity(texts[language].personalOnly);
      else await handler(ctx, state, language);
    };

  /** Typed commands, matched after mention tags are stripped. Order does not matter: the patterns are anchored. */
  const COMMANDS: Array<[RegExp, (ctx: TurnContext, state: LotseTurnState, language: Language) => Promise<unknown>]> = [
    [command('hilfe', 'help', '\\?', 'menü', 'menu'), (ctx, _s, l) => send(ctx, helpCard(texts[l], l))],
    [command('erste schritte', 'checklisten?', 'first steps', 'checklists?', 'start'), personalOnly((ctx, s, l) => runChecklist(ctx, s, { type: 'start' }, checklistDeps, l))],
    [command('weiter', 'fortsetzen', 'continue', 'resume'), personalOnly((ctx, s, l) => runChecklist(ctx, s, { type: 'resume' }, checklistDeps, l))],
    [command('zurück', 'zurueck', 'back'), personalOnly((ctx, s, l) => runChecklist(ctx, s, { type: 'back' }, checklistDeps, l))],
    [command('zusammenfassung', 'übergabe', 'summary'), personalOnly((ctx, s, l) => runChecklist(ctx, s, { type: 'summary' }, checklistDeps, l))],
    [command('abbrechen', 'stopp?', 'cancel'), (ctx, s, l) => runChecklist(ctx, s, { type: 'cancel' }, checklistDeps, l)],
    [command('frage stellen', 'ask a question'), (ctx, _s, l) => ctx.sendActivity(texts[l].askPrompt)],
    [command('vergessen', 'alles löschen', 'forget', 'forget me'), async (ctx, s, l) => {
      s.deleteConversationState();
      s.deleteUserState();
      deps.forgetChannelData?.(ctx.activity.conversation.id);
      await ctx.sendActivity(texts[l].forgotten);
    }],
    [command('notfall', 'emergency', 'sos'), (ctx, s, l) => sendEmergency(ctx, s, checklistDeps, l)],
  ];

  const app = new Application<LotseTurnState>({ storage: deps.storage, removeRecipientMention: true, startTypingTimer: false });

  app.conversationUpdate('membersAdded', async (ctx) => {
    const added = ctx.activity.membersAdded ?? [];
    const botAdded = added.some((m) => m.id === ctx.activity.recipient?.id);
    // In a team or group chat Lotse introduces itself once, when it is added, not for every new member.
    const greet = isSharedConversation(ctx.activity) ? botAdded : added.some((m) => m.id !== ctx.activity.recipient?.id);
    if (!greet) return;
    const t = texts.de;
    const welcome = cardReply(ctx.activity.channelId, welcomeCard(t, 'de'));
    // Three starting actions: Teams shows at most three suggested actions.
    welcome.suggestedActions = { to: [], actions: [t.btnStart, t.btnAsk, t.btnEmergency].map((title) => ({ type: 'imBack', title, value: title })) };
    await ctx.sendActivity(welcome);
  });

  app.adaptiveCards.actionSubmit<{ passageId?: unknown; lang?: unknown }>(VERB_SHOW_PASSAGE, async (ctx, _state, data) => {
    await showPassage(ctx, typeof data.passageId === 'string' ? data.passageId : '', data.lang === 'en' ? 'en' : 'de');
  });

  app.adaptiveCards.actionSubmit<{ passageId?: unknown; helpful?: unknown; lang?: unknown }>(VERB_FEEDBACK, async (ctx, _state, data) => {
    const language: Language = data.lang === 'en' ? 'en' : 'de';
    const hit = typeof data.passageId === 'string' ? search.passage(data.passageId) : undefined;
    if (!hit || (data.helpful !== 'yes' && data.helpful !== 'no')) {
      await ctx.sendActivity(texts[language].passageGone);
      return;
    }
    await deps.feedback.record(hit.passage.id, data.helpful === 'yes', ctx.activity.channelId, now(), ctx.activity.conversation.id);
    await ctx.sendActivity(data.helpful === 'yes' ? texts[language].feedbackThanks : texts[language].feedbackThanksNo);
  });

  app.adaptiveCards.actionSubmit<{ question?: unknown }>('ask', async (ctx, state, data) => {
    await answer(ctx, state, normalizeIncomingText(typeof data.question === 'string' ? data.question : ''));
  });

  app.adaptiveCards.actionSubmit<Record<string, unknown>>(VERB_CHECKLIST, async (ctx, state, data) => {
    const parsed = ChecklistSubmit.safeParse(data);
    const language: Language = data.lang === 'en' ? 'en' : 'de';
    if (isSharedConversation(ctx.activity)) {
      await ctx.sendActivity(texts[language].personalOnly);
      return;
    }
    if (!parsed.success) await runChecklist(ctx, state, { type: 'resume' }, checklistDeps, language);
    else await runChecklist(ctx, state, toAction(parsed.data), checklistDeps, language);
  });

  app.adaptiveCards.actionSubmit(VERB_EMERGENCY, async (ctx, state) => sendEmergency(ctx, state, checklistDeps, 'de'));

  app.activity(ActivityTypes.Message, async (ctx, state) => {
    // In group chats and channels Lotse listens only when addressed.
    if (isSharedConversation(ctx.activity) && !mentionsBot(ctx.activity)) return;
    const text = normalizeIncomingText(ctx.activity.text);
    if (!text) {
      await ctx.sendActivity(texts.de.emptyMessage);
      return;
    }
    const match = COMMANDS.find(([pattern]) => pattern.test(text));
    if (match) await match[1](ctx, state, languageOf(text));
    else await answer(ctx, state, text);
  });

  return app;
}
