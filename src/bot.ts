import { ActivityTypes, type Storage, type TurnContext } from 'botbuilder';
import { Application, TurnState } from '@microsoft/teams-ai';
import { composeAnswer, viewPassage, type AnswerPolicy } from '../knowledge/answer';
import { guessLanguage, type Lexicon } from '../knowledge/lexicon';
import type { KnowledgeSearch } from '../knowledge/search';
import { fill, type Language, type Texts } from '../dialogs/texts';
import { answerCard, notFoundCard, VERB_SHOW_PASSAGE } from './cards/answerCard';
import { helpCard, welcomeCard } from './cards/infoCards';
import { normalizeIncomingText } from './channels/incoming';
import { cardReply } from './replies';

export interface BotDeps {
  storage: Storage;
  search: KnowledgeSearch;
  lexicon: Lexicon;
  texts: Texts;
  policy: Omit<AnswerPolicy, 'now'>;
  maxMessageLength: number;
  now?: () => Date;
}

const HELP = /^\s*(hilfe|help|\?|menü|menu|start)\s*[.!?]*\s*$/i;
const ENGLISH_HELP = /^\s*(help|menu|start)\b/i;

/** The bot: a flat table of handlers. Channel differences stay in ./channels. */
export function createBot(deps: BotDeps): Application<TurnState> {
  const { search, texts } = deps;
  const now = deps.now ?? (() => new Date());
  const policy = (): AnswerPolicy => ({ ...deps.policy, now: now() });
  const send = (ctx: TurnContext, card: Parameters<typeof cardReply>[1]) => ctx.sendActivity(cardReply(ctx.activity.channelId, card));

  async function answer(ctx: TurnContext, question: string): Promise<void> {
    const language = guessLanguage(question, deps.lexicon);
    const t = texts[language];
    if (question.length > deps.maxMessageLength) {
      await ctx.sendActivity(fill(t.tooLong, { length: question.length, max: deps.maxMessageLength }));
      return;
    }
    await ctx.sendActivity({ type: ActivityTypes.Typing });
    const view = composeAnswer(search.search(question), policy(), language);
    await send(ctx, view.main ? answerCard(view, t) : notFoundCard(view, t, t.exampleQuestions));
  }

  const app = new Application<TurnState>({ storage: deps.storage, removeRecipientMention: true, startTypingTimer: false });

  app.conversationUpdate('membersAdded', async (ctx) => {
    const newcomers = (ctx.activity.membersAdded ?? []).filter((m) => m.id !== ctx.activity.recipient?.id);
    if (newcomers.length) await send(ctx, welcomeCard(texts.de, 'de'));
  });

  app.message(HELP, async (ctx) => {
    const language: Language = ENGLISH_HELP.test(ctx.activity.text ?? '') ? 'en' : 'de';
    await send(ctx, helpCard(texts[language], language));
  });

  app.adaptiveCards.actionSubmit<{ passageId?: string; lang?: string }>(VERB_SHOW_PASSAGE, async (ctx, _state, data) => {
    const language: Language = data.lang === 'en' ? 'en' : 'de';
    const hit = typeof data.passageId === 'string' ? search.passage(data.passageId) : undefined;
    if (!hit) {
      await ctx.sendActivity(texts[language].passageGone);
      return;
    }
    const view = { kind: 'answer' as const, language, main: viewPassage(hit, language, policy()), alternatives: [], unknownWords: [] };
    await send(ctx, answerCard(view, texts[language]));
  });

  app.adaptiveCards.actionSubmit<{ question?: string }>('ask', async (ctx, _state, data) => {
    await answer(ctx, normalizeIncomingText(typeof data.question === 'string' ? data.question : ''));
  });

  app.activity(ActivityTypes.Message, async (ctx) => {
    const text = normalizeIncomingText(ctx.activity.text);
    if (!text) {
      await ctx.sendActivity(texts.de.emptyMessage);
      return;
    }
    if (HELP.test(text)) {
      const language: Language = ENGLISH_HELP.test(text) ? 'en' : 'de';
      await send(ctx, helpCard(texts[language], language));
      return;
    }
    await answer(ctx, text);
  });

  return app;
}
