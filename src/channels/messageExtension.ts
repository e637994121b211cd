import { ActivityTypes, type TurnContext } from 'botbuilder';
import type { Application, TurnState } from '../teamsAi';
import { z } from 'zod';
import type { Language } from '../../dialogs/texts';
import { listResult, messageResult, resultAttachment } from '../cards/extensionCards';
import { MAX_RESULTS, searchForExtension, type ExtensionSearchDeps } from '../extensionSearch';
import { normalizeIncomingText } from './incoming';
import { isSharedConversation, mentionsBot } from './teams';

/** The ids the Teams manifest declares for the search command and its one parameter (manifest/manifest.template.json). */
export const SEARCH_COMMAND_ID = 'searchLotse';
export const SEARCH_PARAMETER = 'searchQuery';
const QUERY_INVOKE = 'composeExtension/query';

export interface MessageExtensionDeps extends ExtensionSearchDeps {
  /** Shows one passage as the free-text answer card (the target of the card's "open in chat" button). */
  showPassage: (ctx: TurnContext, passageId: string, language: Language) => Promise<void>;
  /** Told the type of an unexpected error; never the query. */
  onError?: (err: Error) => void;
}

/** The invoke's value as Teams sends it; anything else gets a friendly message, not a failed turn. */
const QueryValue = z
  .object({
    commandId: z.string().max(100).optional(),
    parameters: z
      .array(z.object({ name: z.string().max(100).optional(), value: z.unknown() }).passthrough())
      .max(10)
      .optional(),
    queryOptions: z.object({ skip: z.unknown(), count: z.unknown() }).partial().passthrough().optional(),
  })
  .passthrough();

const isQueryInvoke = (ctx: TurnContext) => ctx.activity.type === ActivityTypes.Invoke && ctx.activity.name === QUERY_INVOKE;

const whole = (value: unknown, fallback: number, max: number) => {
  const n = Number(value);
  return Number.isInteger(n) && n >= 0 ? Math.min(n, max) : fallback;
};

/** The search text: the declared parameter, or the one Teams sends under another name (none on initialRun). */
function searchText(parameters: Record<string, unknown>): string {
  const declared = parameters[SEARCH_PARAMETER];
  if (typeof declared === 'string') return declared;
  const other = Object.entries(parameters).find(([name, value]) => name !== 'initialRun' && typeof value === 'string');
  return (other?.[1] as string | undefined) ?? '';
}

/** "Stelle anzeigen: <passage id>" (or the English form) as the deep link types it into the personal chat. */
function openPassageCommand(deps: MessageExtensionDeps): (text: string) => { passageId: string; language: Language } | undefined {
  const patterns = (['de', 'en'] as const).map((language) => {
    const [before, after = ''] = deps.texts[language].extensionOpenCommand.split('{id}');
    const escape = (s: string) =>
      s
        .trim()
        .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
        .replace(/\s+/g, '\\s*');
    return { language, pattern: new RegExp(`^${escape(before)}\\s*([a-z0-9][a-z0-9#._-]{0,150})\\s*${escape(after)}$`, 'i') };
  });
  return (text) => {
    for (const { language, pattern } of patterns) {
      const id = pattern.exec(text)?.[1];
      if (id) return { passageId: id, language };
    }
    return undefined;
  };
}

/**
 * The search-based message extension: Teams asks with composeExtension/query while the user types in the
 * compose box; the chosen card is inserted as it is (no selectItem round trip). The query text is used for
 * the search only: never logged, never stored, never echoed.
 */
export function registerMessageExtension<TState extends TurnState>(app: Application<TState>, deps: MessageExtensionDeps): void {
  const wellFormed = async (ctx: TurnContext) => isQueryInvoke(ctx) && QueryValue.safeParse(ctx.activity.value).success;
  app.messageExtensions.query(wellFormed, async (ctx, _state, query) => {
    try {
      const outcome = searchForExtension(searchText(query.parameters), ctx.activity.locale, deps);
      if (outcome.kind === 'message') return messageResult(outcome.text);
      const skip = whole(query.skip, 0, MAX_RESULTS);
      const count = Math.max(1, whole(query.count, MAX_RESULTS, MAX_RESULTS));
      const page = outcome.views.slice(skip, skip + count);
      return listResult(page.map((view) => resultAttachment(view, deps.texts[view.language], ctx.activity.recipient?.id)));
    } catch (err) {
      deps.onError?.(err instanceof Error ? err : new Error('non-error thrown'));
      return messageResult(deps.texts.de.error);
    }
  });

  // A value Teams would never send (no object, parameters not a list): still a well-formed answer.
  app.addRoute(
    async (ctx) => isQueryInvoke(ctx),
    async (ctx) => {
      await ctx.sendActivity({
        type: ActivityTypes.InvokeResponse,
        value: { status: 200, body: { composeExtension: messageResult(deps.texts.de.extensionNothingFound) } },
      });
    },
    true,
  );

  const parseOpen = openPassageCommand(deps);
  const openRequest = (ctx: TurnContext) => {
    if (ctx.activity.type !== ActivityTypes.Message) return undefined;
    if (isSharedConversation(ctx.activity) && !mentionsBot(ctx.activity)) return undefined;
    return parseOpen(normalizeIncomingText(ctx.activity.text));
  };
  app.message(
    async (ctx) => openRequest(ctx) !== undefined,
    async (ctx) => {
      const request = openRequest(ctx)!;
      await deps.showPassage(ctx, request.passageId, request.language);
    },
  );
}
