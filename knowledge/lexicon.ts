import path from 'node:path';
import { z } from 'zod';
import { fold, stem, words } from './normalize';
import { lexiconDir } from './paths';
import { readYamlFile } from './yamlFile';

const StopwordsFile = z.object({
  version: z.number().int(),
  de: z.array(z.string().min(1)),
  en: z.array(z.string().min(1)),
});

const SynonymsFile = z.object({
  version: z.number().int(),
  groups: z.array(z.array(z.string().min(1)).min(2)),
});

export type Language = 'de' | 'en';

/** A synonym group as token sequences (stemmed), ready for phrase matching. */
export interface SynonymGroup {
  name: string;
  phrases: string[][];
}

export interface Lexicon {
  stopwords: Set<string>;
  germanOnly: Set<string>;
  englishOnly: Set<string>;
  synonyms: SynonymGroup[];
}

export function phraseTokens(phrase: string): string[] {
  return words(phrase).map(stem);
}

export function loadLexicon(dir = lexiconDir): Lexicon {
  const stop = readYamlFile(path.join(dir, 'stopwords.yaml'), StopwordsFile);
  const syn = readYamlFile(path.join(dir, 'synonyms.yaml'), SynonymsFile);
  const de = new Set(stop.de.map(fold));
  const en = new Set(stop.en.map(fold));
  return {
    stopwords: new Set([...de, ...en]),
    germanOnly: new Set([...de].filter((w) => !en.has(w))),
    englishOnly: new Set([...en].filter((w) => !de.has(w))),
    synonyms: syn.groups.map((group) => ({
      name: group[0],
      phrases: group.map(phraseTokens).filter((p) => p.length > 0),
    })),
  };
}

/** Guesses whether a question is English; German is the default. */
export function guessLanguage(text: string, lexicon: Lexicon): Language {
  let de = 0;
  let en = 0;
  for (const w of words(text)) {
    if (lexicon.germanOnly.has(w)) de++;
    if (lexicon.englishOnly.has(w)) en++;
  }
  if (/[äöüß]/i.test(text)) de++;
  return en > de ? 'en' : 'de';
}
