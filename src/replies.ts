import { CardFactory, type Activity } from 'botbuilder';
import type { AdaptiveCard } from './cards/adaptive';
import { supportsCards } from './channels/incoming';

/** A card where the channel renders cards, otherwise its plain-text fallback. */
export function cardReply(channelId: string | undefined, adaptiveCard: AdaptiveCard): Partial<Activity> {
  if (!supportsCards(channelId)) return { type: 'message', text: adaptiveCard.fallbackText, textFormat: 'plain' };
  return { type: 'message', attachments: [CardFactory.adaptiveCard(adaptiveCard)], locale: adaptiveCard.lang === 'en' ? 'en-US' : 'de-DE' };
}
