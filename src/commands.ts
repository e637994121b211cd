import type { Activity } from 'botbuilder';
import { guessLanguage, type Lexicon } from '../knowledge/lexicon';
import { COMMAND_NAMES, type CommandName, type Language, type Texts } from '../dialogs/texts';

export interface Understood {
  command?: CommandName;
  language: Language;
}

const escape = (word: string) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Reads a turn once: which typed command it is (words from texts.yaml, both languages) and which
 * language to answer in. A command word decides the language; German wins for words in both lists.
 * A card click answers in the language of its card (cards stamp `lang` into every button).
 */
export function turnReader(texts: Texts, lexicon: Lexicon): (activity: Partial<Activity>, text: string) => Understood {
  const table = (['de', 'en'] as const).flatMap((language) =>
    COMMAND_NAMES.map((command) => ({
      command,
      language,
      pattern: new RegExp(`^\\s*(?:${texts[language].commands[command].words.map(escape).join('|')})\\s*[.!?]*\\s*$`, 'i'),
    })),
  );
  return (activity, text) => {
    const lang = (activity.value as { lang?: unknown } | undefined)?.lang;
    if (lang === 'de' || lang === 'en') return { language: lang };
    const match = table.find((entry) => entry.pattern.test(text));
    if (match) return { command: match.command, language: match.language };
    return { language: text ? guessLanguage(text, lexicon) : 'de' };
  };
}
