import { CloudAdapter, type Activity, type InvokeResponse, type TurnContext } from 'botbuilder';
import { ReusingBotFrameworkAuthentication } from './reusedConnectors';

/**
 * The adapter for Lotse's own web endpoint: every turn is `expectReplies`, so the replies come back
 * as the return value and nothing is ever sent to a serviceUrl. It carries no Bot Framework
 * credentials: the web endpoint authenticates by its own conversation tokens (src/web/webTokens.ts).
 */
export class WebTurnAdapter extends CloudAdapter {
  constructor() {
    super(new ReusingBotFrameworkAuthentication({}));
  }

  /** Runs one turn and returns the bot's replies, in order. */
  async runTurn(activity: Partial<Activity>, logic: (context: TurnContext) => Promise<void>): Promise<Partial<Activity>[]> {
    const result: InvokeResponse | undefined = await this.processActivity(
      '',
      { ...activity, deliveryMode: 'expectReplies' } as Activity,
      logic,
    );
    return ((result?.body as { activities?: Partial<Activity>[] } | undefined)?.activities ?? []).slice();
  }
}
