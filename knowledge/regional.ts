import { z } from 'zod';
import { fold } from './normalize';
import { readYamlFile } from './yamlFile';

export const RegionalFile = z
  .object({
    version: z.number().int(),
    words: z.record(z.string().min(1), z.string().regex(/^\p{L}+$/u, 'one word')),
    rules: z.array(z.tuple([z.string().min(1), z.string()])),
  })
  .strict();

/**
 * Regional spellings (lexicon/regional.yaml) turned into standard German words before a question is searched:
 * "Mei Schwager kriagt sei Geld nia" asks what "Mein Schwager kriegt sein Geld nie" asks. Pure: what a word
 * is known as (the sources, the lexicon, the German word list) is the caller's to say.
 */
export class RegionalSpelling {
  private readonly words: Map<string, string>;
  private readonly rules: Array<[RegExp, string]>;

  constructor(file: z.infer<typeof RegionalFile>) {
    this.words = new Map(Object.entries(file.words).map(([regional, standard]) => [fold(regional), fold(standard)]));
    this.rules = file.rules.map(([pattern, to]) => [new RegExp(pattern, 'g'), to]);
  }

  static read(file: string): RegionalSpelling {
    return new RegionalSpelling(readYamlFile(file, RegionalFile));
  }

  /**
   * The tokens in standard spelling, when the question shows regional speech (a listed word that is no standard
   * German word); else as typed. Listed words become their standard word; of the others, a token the search
   * cannot use is rewritten by the rules into one it can. `standard` says whether a token is a standard German
   * word, `known` whether the search can use it (a word of the sources or the lexicon, a stop word, a dictionary
   * word), `landing` the spelling under which a rewritten form is a word the search knows, if it is one.
   */
  standardize(
    tokens: string[],
    standard: (token: string) => boolean,
    known: (token: string) => boolean,
    landing: (form: string) => string | undefined,
  ): string[] {
    if (!tokens.some((t) => this.words.has(t) && !standard(t))) return tokens;
    return tokens.map((token) => this.words.get(token) ?? (known(token) ? token : (this.rewritten(token, landing) ?? token)));
  }

  /** The first rewrite by one rule, then by two in order, that turns the token into a known word. */
  private rewritten(token: string, landing: (form: string) => string | undefined): string | undefined {
    const once = this.rules.map(([pattern, to]) => token.replace(pattern, to));
    for (const form of once) {
      const word = form === token ? undefined : landing(form);
      if (word !== undefined) return word;
    }
    for (let a = 0; a < once.length; a++) {
      if (once[a] === token) continue;
      for (let b = a + 1; b < this.rules.length; b++) {
        const [pattern, to] = this.rules[b];
        const form = once[a].replace(pattern, to);
        const word = form === once[a] ? undefined : landing(form);
        if (word !== undefined) return word;
      }
    }
    return undefined;
  }
}
