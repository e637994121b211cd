import type { Activity } from 'botbuilder';
import type { LotseApp } from '../../src/app';
import { inject, message, replies } from './app';

export interface Chat {
  id: string;
  /** Sends a typed message; resolves to the bot's message replies (typing indicators left out). */
  say(text: string): Promise<Partial<Activity>[]>;
  /** Sends a card button's data back, as a channel does for an Action.Submit. */
  press(value: Record<string, unknown>): Promise<Partial<Activity>[]>;
}

/** One conversation with the app through its adapter (expectReplies); `extra` overrides activity fields such as channelId. */
export function chat(app: LotseApp, conversationId: string, extra: Record<string, unknown> = {}): Chat {
  const conversation = { id: conversationId };
  return {
    id: conversationId,
    say: async (text) => replies(await inject(app, message(text, { conversation, ...extra }))),
    press: async (value) => replies(await inject(app, message(undefined, { conversation, ...extra, value }))),
  };
}

let conversations = 0;

/** A chat in a conversation no other test uses. */
export function newChat(app: LotseApp, prefix = 'chat', extra: Record<string, unknown> = {}): Chat {
  return chat(app, `${prefix}-${++conversations}`, extra);
}

/** The data of the card button whose data has these fields (card actions and ActionSets); throws naming what is there. */
export function button(card: any, match: Record<string, string>): Record<string, unknown> {
  const all = [...(card?.actions ?? []), ...(card?.body ?? []).flatMap((e: any) => (e.type === 'ActionSet' ? e.actions : []))];
  const found = all.find((a: any) => Object.entries(match).every(([k, v]) => a.data?.[k] === v));
  if (!found) throw new Error(`no button ${JSON.stringify(match)} in ${JSON.stringify(all.map((a: any) => a.data))}`);
  return found.data;
}
