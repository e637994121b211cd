import { CardFactory, type MessagingExtensionAttachment, type MessagingExtensionResult } from 'botbuilder';
import type { Language, TextSet } from '../../dialogs/texts';
import { fill } from '../../dialogs/texts';
import { card, heading, paragraph, plain, small, warning, type AdaptiveCard, type CardElement } from './adaptive';

/** Teams refuses a message card over 28 KB; every inserted card (with its preview) stays below. */
export const MAX_CARD_BYTES = 28 * 1024;

/**
 * One result of the message extension: what the inserted card and its list preview show. Passages and
 * directory entries (issue 13) use the same shape, so both get the same source and Stand line.
 */
export interface ResultView {
  /** What the card shows (a passage id, a directory entry id); results are unique by it. */
  id: string;
  language: Language;
  heading: string;
  /** The preview's title when it differs from the heading (a frequent topic shows the topic). */
  previewTitle?: string;
  /** The one line under the preview's title. */
  previewLine: string;
  text: string;
  /** Label and value under the heading: the norm of a passage, the phone or address of a directory entry. */
  facts: Array<{ label: string; value: string }>;
  source: { title: string; publisher: string; stand: string; url: string | null };
  warnings: string[];
  /** Set for passages: the card's button opens this passage in the personal chat with Lotse. */
  passageId?: string;
}

const BOT_APP_ID = /^(?:28:)?([A-Za-z0-9-]{1,64})$/;

/**
 * A Teams deep link to the personal chat with the bot, the command that shows the passage already typed
 * into the compose box. Action.Submit would not reach the personal chat: on a card inserted by a message
 * extension it raises composeExtension/onCardButtonClicked in the conversation the card was posted to.
 */
export function chatDeepLink(botId: string | undefined, message: string): string | undefined {
  const appId = BOT_APP_ID.exec(botId ?? '')?.[1];
  return appId && `https://teams.microsoft.com/l/chat/0/0?users=28:${appId}&message=${encodeURIComponent(message)}`;
}

export function citationLine(source: ResultView['source'], t: TextSet): string {
  return `${t.sourceLabel}: ${source.title} – ${source.publisher} · ${t.standLabel}: ${source.stand}${source.url ? ` – ${source.url}` : ''}`;
}

export function resultCard(view: ResultView, t: TextSet, botId: string | undefined): AdaptiveCard {
  const body: CardElement[] = [heading(plain(view.heading))];
  if (view.facts.length)
    body.push({ type: 'FactSet', spacing: 'Small', facts: view.facts.map((f) => ({ title: plain(f.label), value: plain(f.value) })) });
  body.push(paragraph(plain(view.text)), small(plain(citationLine(view.source, t))), ...view.warnings.map(warning));
  const link = view.passageId ? chatDeepLink(botId, fill(t.extensionOpenCommand, { id: view.passageId })) : undefined;
  const actions = link ? [{ type: 'Action.OpenUrl', title: t.extensionOpenInChat, url: link }] : [];
  const fallback = [
    view.heading,
    ...view.facts.map((f) => `${f.label}: ${f.value}`),
    view.text,
    citationLine(view.source, t),
    ...view.warnings.map((w) => `⚠ ${w}`),
  ].join('\n');
  return card(view.language, fallback, body, actions);
}

const oneLine = (text: string, max: number) => {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
};

export const attachmentBytes = (attachment: MessagingExtensionAttachment) => Buffer.byteLength(JSON.stringify(attachment), 'utf8');

/** The card to insert with its list preview; a text too long for Teams' limit is shortened, never dropped. */
export function resultAttachment(view: ResultView, t: TextSet, botId: string | undefined): MessagingExtensionAttachment {
  const build = (v: ResultView): MessagingExtensionAttachment => ({
    ...CardFactory.adaptiveCard(resultCard(v, t, botId)),
    preview: CardFactory.thumbnailCard(oneLine(v.previewTitle ?? v.heading, 80), oneLine(v.previewLine, 120)),
  });
  let attachment = build(view);
  for (let keep = view.text.length; attachmentBytes(attachment) > MAX_CARD_BYTES && keep > 0;) {
    keep = Math.floor(keep / 2);
    attachment = build({ ...view, text: `${view.text.slice(0, keep)}…` });
  }
  return attachment;
}

export const listResult = (attachments: MessagingExtensionAttachment[]): MessagingExtensionResult => ({
  type: 'result',
  attachmentLayout: 'list',
  attachments,
});

/** A line of text in the extension's result pane instead of a list (nothing found, too long, an error). */
export const messageResult = (text: string): MessagingExtensionResult => ({ type: 'message', text });
