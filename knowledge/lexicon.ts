import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { CalibrationFile, type Calibration } from './calibration';
import { englishWords, type EnglishWords } from './englishWords';
import { germanWords, type KnownWords } from './knownWords';
import { fold, stem, words } from './normalize';
import { lexiconDir } from './paths';
import { RegionalSpelling } from './regional';
import { germanThesaurus, type Thesaurus } from './thesaurus';
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

const MappingFile = z.object({
  version: z.number().int(),
  entries: z.array(
    z
      .object({
        fact: z.string().min(1).optional(),
        terms: z.array(z.string().min(1)).min(1),
        means: z.array(z.string().min(1)),
        weight: z.number().gt(0).max(1).default(0.8),
        mass: z.number().min(0).max(1).default(1),
        /** Passages containing one of these phrases count less when the fact is recognised (a non-EU case: EU steps). */
        avoid: z.array(z.string().min(1)).default([]),
        /** The kind of answer the words ask for: "year" favours leading passages that contain a year ("Wann …?"). */
        answer: z.enum(['year']).optional(),
      })
      .strict(),
  ),
});

const UncoveredFile = z.object({
  version: z.number().int(),
  terms: z.array(z.string().min(1)),
});

/** The lexicon's mapping files, in the order their entries are tried (uncovered.yaml and synonyms.yaml come first). */
export const MAPPING_FILES = ['everyday.yaml', 'english.yaml', 'facts.yaml'];

/**
 * A synonym group as token sequences (stemmed), ready for phrase matching. The first `triggers` phrases
 * start a match in a question; every phrase is searched for, the matched one with weight 1, the others
 * with their weight. `mass` scales how much the matched words count towards a question's coverage.
 */
export interface SynonymGroup {
  name: string;
  phrases: string[][];
  weights: number[];
  triggers: number;
  mass: number;
  /** The case fact a match recognises (facts.yaml), if any. */
  fact?: string;
  /** Phrases (stemmed tokens) of passages to weigh less when the fact is recognised. */
  avoid: string[][];
  /** A topic the sources do not cover (uncovered.yaml): asked about, the answer is "not in my sources". */
  uncovered?: boolean;
  /** The kind of answer asked for (everyday.yaml answer:): a year. */
  answer?: 'year';
}

export interface Lexicon {
  /** The fitted confidence model (confidence.yaml); without it the confidence is the top score. */
  calibration?: Calibration;
  /** Ordinary German words, asked only for words the index does not know (loaded on first use). */
  knownWords?: () => KnownWords;
  /** Ordinary English words, asked only in English questions (loaded on first use). */
  englishWords?: () => EnglishWords;
  /** German synonym sets, asked only for ordinary words the index does not know (loaded on first use). */
  thesaurus?: () => Thesaurus;
  /** Regional spellings and their standard words (regional.yaml). */
  regional?: RegionalSpelling;
  stopwords: Set<string>;
  germanOnly: Set<string>;
  englishOnly: Set<string>;
  synonyms: SynonymGroup[];
}

export function phraseTokens(phrase: string): string[] {
  return words(phrase).map(stem);
}

/** The weight of the other phrases of a synonyms.yaml group (they mean the same, mostly). */
export const SYNONYM_WEIGHT = 0.8;

function mappingGroups(file: string): SynonymGroup[] {
  const { entries } = readYamlFile(file, MappingFile);
  return entries.map((e, i) => {
    const terms = e.terms.map(phraseTokens);
    const means = e.means.map(phraseTokens);
    if (terms.some((t) => !t.length)) throw new Error(`${file}: entries.${i}.terms: a term without words`);
    return {
      name: `${path.basename(file)}:${e.fact ?? e.terms[0]}`,
      phrases: [...terms, ...means],
      weights: [...terms.map(() => e.weight), ...means.map(() => e.weight)],
      triggers: terms.length,
      mass: e.mass,
      fact: e.fact,
      avoid: e.avoid.map(phraseTokens),
      answer: e.answer,
    };
  });
}

/** uncovered.yaml as one group: its terms start a match and search for nothing. */
function uncoveredGroups(file: string): SynonymGroup[] {
  if (!fs.existsSync(file)) return [];
  const phrases = readYamlFile(file, UncoveredFile).terms.map(phraseTokens);
  if (phrases.some((t) => !t.length)) throw new Error(`${file}: terms: a term without words`);
  return [
    { name: 'uncovered.yaml', phrases, weights: phrases.map(() => 1), triggers: phrases.length, mass: 1, avoid: [], uncovered: true },
  ];
}

export function loadLexicon(dir = lexiconDir): Lexicon {
  const stop = readYamlFile(path.join(dir, 'stopwords.yaml'), StopwordsFile);
  const syn = readYamlFile(path.join(dir, 'synonyms.yaml'), SynonymsFile);
  const mappings = MAPPING_FILES.map((f) => path.join(dir, f))
    .filter((f) => fs.existsSync(f))
    .flatMap(mappingGroups);
  const de = new Set(stop.de.map(fold));
  const en = new Set(stop.en.map(fold));
  const calibrationFile = path.join(dir, 'confidence.yaml');
  const thesaurusFile = path.join(dir, 'thesaurus.txt');
  const regionalFile = path.join(dir, 'regional.yaml');
  return {
    calibration: fs.existsSync(calibrationFile) ? readYamlFile(calibrationFile, CalibrationFile) : undefined,
    knownWords: germanWords,
    englishWords,
    thesaurus: fs.existsSync(thesaurusFile) ? () => germanThesaurus(thesaurusFile) : undefined,
    regional: fs.existsSync(regionalFile) ? RegionalSpelling.read(regionalFile) : undefined,
    stopwords: new Set([...de, ...en]),
    germanOnly: new Set([...de].filter((w) => !en.has(w))),
    englishOnly: new Set([...en].filter((w) => !de.has(w))),
    synonyms: [
      // First, so that a topic without sources wins over a mapping that lists the same word.
      ...uncoveredGroups(path.join(dir, 'uncovered.yaml')),
      ...syn.groups.map((group) => {
        const phrases = group.map(phraseTokens).filter((p) => p.length > 0);
        return { name: group[0], phrases, weights: phrases.map(() => SYNONYM_WEIGHT), triggers: phrases.length, mass: 1, avoid: [] };
      }),
      ...mappings,
    ],
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
