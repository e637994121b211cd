import type { RecognisedFact } from '../../dialogs/recognisedFacts';
import type { TextSet } from '../../dialogs/texts';
import { paragraph, submit, type AdaptiveCard } from './adaptive';

import { VERB_START_WITH_FACTS } from './verbs';

export { VERB_START_WITH_FACTS };
export const factInputId = (key: string) => `fact_${key}`;

/**
 * Adds "Erste Schritte" to an answer card for a case description: each recognised fact as a choice with
 * the recognised option pre-selected, for the user to confirm or change. Only option labels from
 * facts.yaml are shown, never the user's words; nothing is stored until the button is pressed.
 */
export function withCaseFactsOffer(card: AdaptiveCard, recognised: RecognisedFact[], t: TextSet, lang: string): AdaptiveCard {
  if (!recognised.length) return card;
  const inputs = recognised.map(({ def, value }) => ({
    type: 'Input.ChoiceSet',
    id: factInputId(def.key),
    label: def.question,
    style: 'expanded',
    value,
    choices: def.options.map((o) => ({ title: o.label, value: o.value })),
  }));
  const offer = {
    type: 'Container',
    spacing: 'Large',
    separator: true,
    items: [paragraph(t.caseFactsIntro, { weight: 'Bolder' }), ...inputs],
  };
  return {
    ...card,
    body: [...card.body, offer],
    actions: [submit(t.btnStartWithFacts, VERB_START_WITH_FACTS, { lang }), ...(card.actions ?? [])],
  };
}
