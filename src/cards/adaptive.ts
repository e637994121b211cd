/** Minimal Adaptive Card 1.5 building blocks (pure JSON; Teams renders up to 1.5). */
export type CardElement = Record<string, unknown>;

export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema: string;
  version: '1.5';
  lang: string;
  fallbackText: string;
  body: CardElement[];
  actions?: CardElement[];
}

export const CARD_VERSION = '1.5';

/** Every button of a card carries the card's language, so the reply to a click speaks it too. */
function stampLanguage(node: unknown, lang: string): void {
  if (Array.isArray(node)) node.forEach((n) => stampLanguage(n, lang));
  else if (node && typeof node === 'object') {
    const element = node as CardElement;
    if (element.type === 'Action.Submit' && element.data && typeof element.data === 'object')
      element.data = { lang, ...(element.data as object) };
    Object.values(element).forEach((v) => stampLanguage(v, lang));
  }
}

export function card(lang: string, fallbackText: string, body: CardElement[], actions: CardElement[] = []): AdaptiveCard {
  stampLanguage(body, lang);
  stampLanguage(actions, lang);
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: CARD_VERSION,
    lang,
    fallbackText,
    body,
    ...(actions.length ? { actions } : {}),
  };
}

export const heading = (text: string): CardElement => ({
  type: 'TextBlock',
  text,
  weight: 'Bolder',
  size: 'Medium',
  wrap: true,
  style: 'heading',
});
export const paragraph = (text: string, extra: CardElement = {}): CardElement => ({ type: 'TextBlock', text, wrap: true, ...extra });
export const small = (text: string): CardElement => paragraph(text, { isSubtle: true, size: 'Small', spacing: 'Small' });

export function warning(text: string): CardElement {
  return { type: 'Container', style: 'warning', spacing: 'Medium', items: [paragraph(`⚠ ${text}`, { size: 'Small' })] };
}

/** Every button is an Action.Submit carrying a verb: Web Chat ignores Action.Execute, Teams handles both. */
export function submit(title: string, verb: string, data: Record<string, string> = {}): CardElement {
  return { type: 'Action.Submit', title, data: { verb, ...data } };
}

/** Markdown in a TextBlock: escape characters that would turn source text into formatting. */
export function plain(text: string): string {
  return text.replace(/([*_`[\]])/g, '\\$1');
}
