import type { TextSet } from '../../dialogs/texts';
import { card, heading, paragraph, small, type AdaptiveCard } from './adaptive';
import { askAPerson } from './directoryCard';

function askActions(t: TextSet) {
  return [
    { type: 'Action.Submit', title: t.btnStart, data: { verb: 'checklist', action: 'start' } },
    { type: 'Action.Submit', title: t.btnEmergency, data: { verb: 'emergency' } },
    ...t.exampleQuestions.map((q) => ({ type: 'Action.Submit', title: q, data: { verb: 'ask', question: q } })),
  ];
}

export function welcomeCard(t: TextSet, lang: string): AdaptiveCard {
  const text = `${t.welcomeTitle}. ${t.welcome} ${t.privacy} ${t.emergency}`;
  return card(lang, text, [heading(t.welcomeTitle), paragraph(t.welcome), paragraph(t.privacy, { weight: 'Bolder' }), small(t.emergency)], askActions(t));
}

export function helpCard(t: TextSet, lang: string): AdaptiveCard {
  const text = `${t.helpTitle}. ${t.help} ${t.helpCommands} ${t.directory.askPerson} ${t.privacy} ${t.emergency}`;
  const person = askAPerson(t, lang === 'en' ? 'en' : 'de');
  const body = [heading(t.helpTitle), paragraph(t.help), paragraph(t.helpCommands), person.block, paragraph(t.privacy, { weight: 'Bolder' }), small(t.emergency)];
  return card(lang, text, body, [...askActions(t), person.action]);
}
