import { COMMAND_NAMES, fill, type TextSet } from '../../dialogs/texts';
import { card, heading, paragraph, small, submit, type AdaptiveCard } from './adaptive';
import { VERB_ASK, VERB_CHECKLIST, VERB_EMERGENCY } from './verbs';
import { askAPerson } from './directoryCard';

function askActions(t: TextSet) {
  return [
    submit(t.btnStart, VERB_CHECKLIST, { action: 'start' }),
    submit(t.btnEmergency, VERB_EMERGENCY),
    ...t.exampleQuestions.map((q) => submit(q, VERB_ASK, { question: q })),
  ];
}

/** One line per typed command, from the same table the bot matches against: the help cannot drift from it. */
export function commandLines(t: TextSet): string[] {
  return COMMAND_NAMES.map((name) => fill(t.commandLine, { word: t.commands[name].words[0], does: t.commands[name].does }));
}

export function welcomeCard(t: TextSet, lang: string): AdaptiveCard {
  // The machine notice comes first (EU AI Act Art. 50), also in the spoken text for screen readers.
  const text = `${t.machineNotice} ${t.welcomeTitle}. ${t.welcome} ${t.privacy} ${t.emergency}`;
  return card(
    lang,
    text,
    [
      paragraph(t.machineNotice, { weight: 'Bolder' }),
      heading(t.welcomeTitle),
      paragraph(t.welcome),
      paragraph(t.privacy, { weight: 'Bolder' }),
      small(t.emergency),
    ],
    askActions(t),
  );
}

export function helpCard(t: TextSet, lang: string): AdaptiveCard {
  const commands = commandLines(t);
  const text = `${t.helpTitle}. ${t.help} ${t.commandsTitle} ${commands.join('; ')}. ${t.directory.askPerson} ${t.privacy} ${t.emergency}`;
  const list = commands.map((line) => `- ${line}`).join('\n');
  const person = askAPerson(t, lang === 'en' ? 'en' : 'de');
  const body = [
    heading(t.helpTitle),
    paragraph(t.help),
    paragraph(t.commandsTitle, { weight: 'Bolder' }),
    paragraph(list, { spacing: 'None' }),
    person.block,
    paragraph(t.privacy, { weight: 'Bolder' }),
    small(t.emergency),
  ];
  return card(lang, text, body, [...askActions(t), person.action]);
}
