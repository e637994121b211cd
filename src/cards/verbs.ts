/** The `verb` of every card button: the bot routes Action.Submit data by it (see bot.ts). */
export const VERB_CHECKLIST = 'checklist';
export const VERB_EMERGENCY = 'emergency';
export const VERB_SHOW_PASSAGE = 'showPassage';
export const VERB_FEEDBACK = 'feedback';
/** An example question as a button: answered as if typed. */
export const VERB_ASK = 'ask';
/** A directory card's Land button or "find a counselling centre". */
export const VERB_DIRECTORY = 'directory';
/** "Erste Schritte" with the case facts recognised in a question pre-selected. */
export const VERB_START_WITH_FACTS = 'startWithFacts';
