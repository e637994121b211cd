import type { FactDef } from './schema';
import type { Language } from './texts';

/** A case-fact question in the user's language (facts.yaml holds both). */
export function factQuestion(def: FactDef, language: Language): string {
  return language === 'en' ? def.questionEn : def.question;
}

/** A chosen option's label; proper names without an English label (the Länder) stay German. */
export function factLabel(def: FactDef, value: string, language: Language): string {
  const option = def.options.find((o) => o.value === value);
  if (!option) return value;
  return language === 'en' ? (option.labelEn ?? option.label) : option.label;
}
