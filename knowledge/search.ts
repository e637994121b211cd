import type { Passage } from './chunk';
import type { RegionOf } from './build';
import { decodePostings, type IndexedSource, type Postings, type SerializedIndex } from './indexer';
import { calibratedConfidence, type ConfidenceSignals } from './calibration';
import { AGE_FACTS, ageAt, ageFact, questionClauseStart } from './caseFacts';
import { guessLanguage, type Lexicon } from './lexicon';
import { stem, words } from './normalize';
import { Vocabulary } from './vocabulary';
import { clauseFinalParticles, infinitiveStems, relatedForms } from './wordForms';

/** Weights of the ways a query word can meet the index, and the confidence bands; one frozen place. */
export const SEARCH_DEFAULTS = Object.freeze({
  limit: 5,
  /** Stop words that may stand between the words of a lexicon phrase ("wohin kann ich sie schicken"). */
  maxPhraseGap: 3,
  synonymWeight: 0.8,
  prefixWeight: 0.7,
  fuzzyWeight: 0.75,
  maxPrefixTerms: 25,
  minPrefixLength: 4,
  minFuzzyLength: 4,
  /** A spelling less alike than this is a guess, not a repair ("qwertz" → "auszuwert", 0.67). */
  minSimilarity: 0.7,
  /**
   * A word the dictionary knows only by splitting or inflecting it ("Traum|ambulanz", "Stabilisierungs|first")
   * may still be a typo of an index word: long words keep spelling variants this close (never "Kindergeld" →
   * "Kinderhandel", 0.7).
   */
  minKnownWordFuzzyLength: 8,
  knownWordSimilarity: 0.85,
  /** Beyond this a spelling look-up scores in several bitap chunks (0.5 ms for a 42-letter compound) for a rare repair. */
  maxKnownWordFuzzyLength: 24,
  /** A typo of a word only the lexicon knows ("Frauenhuas", "Jobcenetr"): this long, this close to it. */
  minTriggerFuzzyLength: 5,
  triggerSimilarity: 0.8,
  /** At or above: answer plainly. */
  confident: 0.7,
  /** At or above (but below confident): answer and offer alternatives. Below: "not in my sources". */
  plausible: 0.5,
  /** A related form of a question word the index lacks (a verb's noun: "beraten" → "Beratung"). */
  relatedFormWeight: 0.8,
  /**
   * A German compound the index lacks names a kind of its last part ("Onlineberatung" is a "Beratung",
   * "Erntehelferin" a "Helferin") and is about its first ("Schweigepflicht|entbindung"): each part the sources
   * use, of at least this many letters (stemmed: "Behandlungs|kosten" → "kost"), counts with this weight.
   */
  minCompoundHeadLength: 4,
  compoundPartWeight: 0.7,
  /**
   * An ordinary word the index lacks leads to its thesaurus synonyms the sources use, this much, when it has at
   * most `maxThesaurusTerms` of them (more: too many senses). Synonyms of fewer letters (stemmed) are left out:
   * mostly function words ("je", "zu"), and the few short nouns (Amt, Rat, Ort) mean too much to be a guess.
   */
  thesaurusWeight: 0.5,
  maxThesaurusTerms: 3,
  minThesaurusTermLength: 4,
  /**
   * How much a word the index does not know counts against a question, as a share of the weight of the
   * rarest indexed word: an ordinary German noun ("Kindergeld") may be what the question is about, another
   * ordinary word ("trotzdem", "kümmert") hardly, a number hardly; a word unlike any word (a name, a typo
   * beyond repair) fully.
   */
  unknownNounMass: 0.5,
  unknownWordMass: 0.15,
  /**
   * An ordinary German verb, adjective or adverb the sources happen to use ("hilft", "schnell") counts this
   * much: rare in a small corpus, it would otherwise outweigh the nouns that say what a question is about.
   */
  ordinaryWordMass: 0.5,
  unknownNumberMass: 0.1,
  /** Umlauts are restored in words up to this long by the dictionary (longer ones: by the index and lexicon only). */
  maxUmlautDictionaryLength: 14,
  /** Two umlauts are restored only in a word with at most this many places for one ("Auslanderbehorde"). */
  maxUmlautPairSpots: 4,
  /** In a description of several sentences ending in a question, the story before the question weighs this much. */
  contextWeight: 0.7,
  /** The story's concepts weigh together at most this many times the question clause's (chosen on the tune split). */
  storyShare: 1,
  /** Passages a recognised fact argues against (facts.yaml avoid:) keep this share of their score. */
  avoidFactor: 0.6,
  /** "Wann …?" re-weighs this many times the asked-for number of leading passages. */
  yearHintCandidates: 10,
  /** A Land's directory passage keeps this share unless the question names that Land (chosen on the tune split). */
  otherRegionFactor: 0.5,
  /** A passage for one kind of case only (passage facts) keeps this share unless the question states the fact. */
  unstatedFactFactor: 0.7,
  /** The directory of the Land a question names keeps this share when the question asks no contact (asksForContact). */
  noContactDirectoryFactor: 0.5,
  /**
   * A leading candidate one of whose alternate questions has the question's words gains this share of its
   * score per covered share (as Custom Question Answering matches a phrasing as a whole, not word by word).
   */
  questionMatchWeight: 0.4,
  /**
   * An alternate question counts also by the share of its own words the question has, to this power (as the
   * heading does, more gently: a phrasing is short). Chosen on the 1867 tune questions: +7 −1 cases, declined
   * 0.925 → 0.930; 0.5 and 1 moved more cases both ways.
   */
  questionPrecisionExponent: 0.25,
  /**
   * The same for a candidate's heading with its source title, times the share of the question the passage
   * covers at all, so a heading holding one word of the question does not lift a passage over one holding all
   * of them in its text (chosen on the tune split: 0 → 2 raised hit@1 on the 625 tune questions from 0.817 to
   * 0.848, in five of seven files; a learned reranker over the top ten found the heading as its one strong
   * signal the score lacked).
   */
  headingMatchWeight: 4,
  /**
   * …and times the share of the words of the passage's own heading (not its source's title, which every step
   * of a checklist shares) that the question has, to this power: a heading that says much else is weaker
   * evidence than one the question fills ("Was ist dieses SGB XIV?": "Anspruch nach dem SGB XIV prüfen" leads
   * instead of tying with three other steps of the compensation checklist). Chosen with the weight above on the
   * 1867 tune questions: exponent 0.5 and weight 4 instead of no exponent and 2 raised right from 0.780 to 0.785
   * (+23 −18 cases; English questions gained most, realistic-en 0.833 → 0.944; realistic, blind and dev5 lost
   * 0.015–0.019); weight 5 gained 0.004 more but let the steps of that checklist crowd the one passage naming
   * the "Handlungsleitfaden" out of "OEG Handlungsleitfaden".
   */
  headingPrecisionExponent: 0.5,
  questionMatchCandidates: 20,
  /** An ordinary verb or adverb that only alternate questions use ("wechselt") weighs this much, as a hint. */
  phrasingWordWeight: 0.3,
  /** A spelling repair towards a word only alternate questions use must be this close (typos of the sources' words: minSimilarity). */
  phrasingSimilarity: 0.9,
  /** A runner-up covering this share less of the question than the first hit is its rival (confidence margin). */
  rivalCoverageGap: 0.2,
  /** When the runner-up scores this close to the best hit, the answer is not clear-cut: offer alternatives. */
  ambiguousRatio: 0.9,
});

/** Words a lexicon phrase never skips: "wer kann nicht helfen" is no "wer kann helfen". */
const NEGATIONS = new Set([
  'nicht',
  'kein',
  'keine',
  'keinen',
  'keinem',
  'keiner',
  'keines',
  'ohne',
  'nie',
  'niemand',
  'not',
  'no',
  'never',
  'without',
]);
/** German articles (stemmed): inside a lexicon phrase one stands for any other. */
const ARTICLES = new Set(['der', 'die', 'das', 'dem', 'den', 'des', 'ein', 'eine', 'einem', 'einen', 'einer', 'eines'].map(stem));

interface Alternative {
  terms: number[];
  weight: number;
  /** How much of the concept a match covers, when not its weight: a repaired typo ranks below the right spelling but covers the word. */
  cover?: number;
}

/** One alternate question (or a heading) as the question match reads it: its index terms and its words (numbered, stemmed). */
interface Phrasing {
  terms: Int32Array;
  words: Int32Array;
}

interface Concept {
  /** The query words this concept stands for (folded), for explanations. */
  words: string[];
  alternatives: Alternative[];
  /** Share of the concept's weight that counts towards coverage (lexicon mass, or an unknown word's mass). */
  mass: number;
  /** contextWeight for the story around a question clause, else 1: scales both score and mass. */
  scale?: number;
  /** An unknown word that is not an ordinary word either: reported back to the user. */
  unlike?: boolean;
  fact?: string;
  /** A topic the sources do not cover (lexicon uncovered.yaml). */
  uncovered?: boolean;
  /** An unknown word searched only by a guess (a compound's parts, thesaurus synonyms): for the confidence still unknown. */
  guessed?: boolean;
  /** The question asks when: passages with a year gain this weight of a year's score. */
  yearHint?: number;
}

export interface SearchHit {
  passage: Passage;
  source: IndexedSource;
  /** 0..1, higher is better; the top hit's score is the answer's confidence. */
  score: number;
}

export interface SearchResult {
  query: string;
  language: 'de' | 'en';
  hits: SearchHit[];
  confidence: number;
  /** Query words the knowledge base does not know at all (no spelling close enough, not ordinary German). */
  unknownWords: string[];
  /** Case facts the question mentions (lexicon facts.yaml: "eu", "non-eu", "minor", "sector-…"). */
  facts: string[];
  /** The question asks about a topic the sources do not cover (lexicon uncovered.yaml): no answer, whatever matched. */
  uncovered: boolean;
  /** The measurements the confidence is computed from. */
  signals: ConfidenceSignals;
  /** Confidence bands of the decision (calibrated with the confidence): answer at ≥ confident, offer at ≥ plausible. */
  bands: { confident: number; plausible: number };
}

/**
 * A score and a coverage per passage, for the passages touched since the last reset. Resetting is O(1)
 * (an epoch counter marks the live entries), so one set of arrays serves every search. The hot loops
 * read the arrays into locals: first touch of a passage since the reset → mark, list, start from 0.
 */
class Accumulator {
  readonly value: Float64Array;
  readonly coverage: Float64Array;
  readonly list: Int32Array;
  /** mark[pid] === epoch: pid was touched since the last reset. */
  readonly mark: Uint32Array;
  epoch = 0;
  size = 0;

  constructor(passages: number) {
    this.value = new Float64Array(passages);
    this.coverage = new Float64Array(passages);
    this.list = new Int32Array(passages);
    this.mark = new Uint32Array(passages);
  }

  reset(): void {
    this.size = 0;
    if (++this.epoch === 0xffffffff) {
      this.mark.fill(0);
      this.epoch = 1;
    }
  }
}

interface PhraseStart {
  length: number;
  group: number;
  phrase: number;
}

/**
 * Ranks passages of a loaded index for a natural-language question (pure: no I/O, no SDK).
 *
 * Scoring runs over flat typed-array postings into reusable per-passage accumulators (no allocation per
 * posting), and only the best `limit` passages are kept (no sort of every passage that matched a word).
 */
export class KnowledgeSearch {
  private readonly vocab: Vocabulary;
  private readonly postings: Postings;
  private readonly idf: Float64Array;
  private readonly sources: Map<string, IndexedSource>;
  private readonly maxIdf: number;
  /** Synonym phrases by their first token, in lexicon order (only those can match at a position). */
  private readonly phraseStarts = new Map<string, PhraseStart[]>();
  /** One-word lexicon triggers (stemmed), for typos of a word only the lexicon knows ("Frauenhuas" → "Frauenhaus"). */
  private triggerVocab: Vocabulary | undefined;
  private readonly triggerOf = new Map<string, PhraseStart>();
  private passageIds: Map<string, number> | undefined;
  /** The Länder a passage is about alone (a directory page, a step for one Land); undefined for every other passage. */
  private readonly passageRegion: Array<string[] | undefined>;
  /** 1 for the terms only alternate questions use (see SerializedIndex.phrasingOnly). */
  private readonly phrasingOnly: Uint8Array;
  private readonly regionOf: RegionOf | undefined;
  private readonly asksForContact: ((query: string) => boolean) | undefined;
  /** 1 for a directory passage (a Land's list of contacts), else 0. */
  private readonly isDirectory: Uint8Array;
  /** The passages with case facts or facts that rule them out (a step's when:), in index order. */
  private readonly conditional: number[];
  private scratch: { alt: Accumulator; best: Accumulator; total: Accumulator } | undefined;

  constructor(
    readonly index: SerializedIndex,
    private readonly lexicon: Lexicon,
    options: { regionOf?: RegionOf; asksForContact?: (query: string) => boolean } = {},
  ) {
    this.regionOf = options.regionOf;
    this.asksForContact = options.asksForContact;
    this.vocab = new Vocabulary(index.vocab);
    this.phrasingOnly = new Uint8Array(index.vocab.length);
    for (const t of index.phrasingOnly) this.phrasingOnly[t] = 1;
    this.postings = decodePostings(index.postings);
    const n = index.passages.length;
    const { offsets } = this.postings;
    this.idf = new Float64Array(index.vocab.length);
    for (let t = 0; t < this.idf.length; t++) {
      const df = offsets[t + 1] - offsets[t];
      this.idf[t] = Math.log(1 + (n - df + 0.5) / (df + 0.5));
    }
    this.maxIdf = Math.log(1 + (n + 0.5) / 0.5);
    this.sources = new Map(index.sources.map((s) => [s.id, s]));
    this.conditional = index.passages.flatMap((p, pid) => (p.facts?.length || p.notFor?.length ? [pid] : []));
    this.isDirectory = Uint8Array.from(index.passages, (p) => (this.sources.get(p.sourceId)?.kind === 'directory' ? 1 : 0));
    // Only a directory's Land and a step's own: an NRW guide may be the one source on a general topic ("Europäische
    // Zusammenarbeit"), a Land's list of counselling centres answers nothing but "who is there in that Land".
    this.passageRegion = index.passages.map((p) => {
      const source = this.sources.get(p.sourceId);
      if (p.regions?.length) return p.regions;
      return source?.kind === 'directory' && source.bundesland ? [source.bundesland] : undefined;
    });
    lexicon.synonyms.forEach((group, g) =>
      group.phrases.slice(0, group.triggers).forEach((phrase, p) => {
        const list = this.phraseStarts.get(phrase[0]);
        const start = { length: phrase.length, group: g, phrase: p };
        if (list) list.push(start);
        else this.phraseStarts.set(phrase[0], [start]);
        // Only words the index lacks: a typo of an index word is repaired by the index's own spellings.
        if (phrase.length === 1 && !group.answer && !this.triggerOf.has(phrase[0]) && this.vocab.id(phrase[0]) === undefined)
          this.triggerOf.set(phrase[0], start);
      }),
    );
  }

  /**
   * Loads the word lists the search otherwise reads on first use (the German and the English dictionary and
   * the thesaurus, together about half a second), so the first user's question does not wait for them. Returns their sizes.
   */
  prepare(): { germanWords: number; englishWords: number; synonymSets: number } {
    return {
      germanWords: this.lexicon.knownWords?.().size ?? 0,
      englishWords: this.lexicon.englishWords?.().size ?? 0,
      synonymSets: this.lexicon.thesaurus?.().size ?? 0,
    };
  }

  get passageCount(): number {
    return this.index.passages.length;
  }

  passage(id: string): SearchHit | undefined {
    if (!this.passageIds) {
      this.passageIds = new Map();
      this.index.passages.forEach((p, i) => this.passageIds!.has(p.id) || this.passageIds!.set(p.id, i));
    }
    const pid = this.passageIds.get(id);
    if (pid === undefined) return undefined;
    const passage = this.index.passages[pid];
    return { passage, source: this.sources.get(passage.sourceId)!, score: 1 };
  }

  source(id: string): IndexedSource | undefined {
    return this.sources.get(id);
  }

  /** The term, its completions in the index (terms starting with `prefix`, the term by default) and, when asked, close spellings. */
  private expand(
    term: string,
    weight: number,
    fuzzy: boolean,
    minPrefix: number = SEARCH_DEFAULTS.minPrefixLength,
    prefix: string = term,
  ): Alternative[] {
    const out: Alternative[] = [];
    const id = this.vocab.id(term);
    if (id !== undefined) out.push({ terms: [id], weight });
    if (prefix.length >= minPrefix && !/^[0-9]/.test(prefix)) {
      for (const p of this.vocab.withPrefix(prefix, SEARCH_DEFAULTS.maxPrefixTerms)) {
        if (this.phrasingOnly[p]) continue;
        out.push({ terms: [p], weight: weight * SEARCH_DEFAULTS.prefixWeight });
      }
    }
    if (fuzzy && id === undefined && term.length >= SEARCH_DEFAULTS.minFuzzyLength && !/[0-9]/.test(term)) {
      for (const s of this.closeSpellings(term)) {
        if (s.similarity < SEARCH_DEFAULTS.minSimilarity) continue;
        out.push({ terms: [s.id], weight: weight * SEARCH_DEFAULTS.fuzzyWeight * s.similarity, cover: weight * s.similarity });
      }
    }
    return out;
  }

  /** A word the sources, the lexicon or (for a word of ordinary length) the dictionary know, or a stop word. */
  private isKnownToken(token: string): boolean {
    const stemmed = stem(token);
    return (
      this.lexicon.stopwords.has(token) ||
      this.vocab.id(stemmed) !== undefined ||
      this.phraseStarts.has(stemmed) ||
      // Splitting a long compound into dictionary words costs: for each variant tried, only short words ask.
      (token.length <= SEARCH_DEFAULTS.maxUmlautDictionaryLength && this.lexicon.knownWords?.().kind(token) !== undefined)
    );
  }

  /**
   * A German word typed without its umlauts ("fur", "zustandig", "Rumanien", "mussen"; folded text spells
   * them ae/oe/ue): the spelling with them when only that one is a known word. Not a typo to repair by
   * similarity, which would weigh it down: the word is spelt right on a keyboard without umlauts.
   */
  private withUmlauts(token: string): string {
    if (!/[aou]/.test(token) || this.isKnownToken(token)) return token;
    const spots = [...token.matchAll(/[aou](?!e)/g)].map((m) => m.index);
    const restore = (t: string, at: number) => `${t.slice(0, at + 1)}e${t.slice(at + 1)}`;
    for (let a = 0; a < spots.length; a++) {
      const one = restore(token, spots[a]);
      if (this.isKnownToken(one)) return one;
    }
    if (spots.length > SEARCH_DEFAULTS.maxUmlautPairSpots) return token;
    for (let a = 0; a < spots.length; a++)
      for (let b = a + 1; b < spots.length; b++) {
        // The later spot first: inserting an "e" shifts the positions after it.
        const two = restore(restore(token, spots[b]), spots[a]);
        if (this.isKnownToken(two)) return two;
      }
    return token;
  }

  /** Regional spellings in standard German ("kriagt" → "kriegt", "Bollizei" → "Polizei"), see regional.yaml. */
  private standardSpelling(tokens: string[]): string[] {
    const regional = this.lexicon.regional;
    if (!regional) return tokens;
    const words = this.lexicon.knownWords?.();
    const standard = (t: string) => this.vocab.id(stem(t)) !== undefined || words?.kind(t) !== undefined;
    // A rewrite lands on a word as it is listed, never on a compound the dictionary would guess ("Dokta" → "Tokten").
    const lands = (t: string) =>
      this.lexicon.stopwords.has(t) || this.vocab.id(stem(t)) !== undefined || this.phraseStarts.has(stem(t)) || !!words?.isWord(t);
    const landing = (form: string) => {
      if (lands(form)) return form;
      const spelled = this.withUmlauts(form);
      return spelled !== form && lands(spelled) ? spelled : undefined;
    };
    return regional.standardize(tokens, standard, (t) => this.isKnownToken(t), landing);
  }

  /**
   * A letter typed three times ("ausssagen", a key held too long; German writes at most two outside rare
   * compounds like "Schifffahrt"): twice or once, whichever the index or the lexicon knows.
   */
  private withoutStuckKeys(token: string): string {
    if (!/(.)\1\1/.test(token)) return token;
    for (const fixed of [token.replace(/(.)\1\1+/g, '$1$1'), token.replace(/(.)\1\1+/g, '$1')]) {
      const stemmed = stem(fixed);
      if (this.vocab.id(stemmed) !== undefined || this.phraseStarts.has(stemmed)) return fixed;
    }
    return token;
  }

  /** Turns the question into concepts: synonym phrases first (longest match), then single content words. */
  private concepts(query: string, language: 'de' | 'en'): Concept[] {
    this.statedAges = [];
    const typed = words(query).map((t) => this.withoutStuckKeys(t));
    const tokens = language === 'de' ? this.standardSpelling(typed.map((t) => this.withUmlauts(t))) : typed;
    const joinedParticles = language === 'de' ? this.joinSeparatedVerbs(query, tokens) : undefined;
    const stems = tokens.map(stem);
    const concepts: Concept[] = [];
    const clause = questionClauseStart(query);
    for (let i = 0; i < stems.length;) {
      const scale = i >= clause ? 1 : SEARCH_DEFAULTS.contextWeight;
      if (joinedParticles?.has(i)) {
        i++;
        continue;
      }
      const age = ageAt(tokens, i);
      if (age) {
        this.statedAges.push(age.age);
        const group = this.factGroup(ageFact(age.age));
        if (group !== undefined) concepts.push({ ...this.groupConcept(group, -1, tokens.slice(i, i + age.length)), scale });
        i += age.length;
        continue;
      }
      let match: PhraseStart | null = null;
      let matched: number[] = [];
      for (const start of this.phraseStarts.get(stems[i]) ?? []) {
        if (start.length <= (match?.length ?? 0)) continue;
        const phrase = this.lexicon.synonyms[start.group].phrases[start.phrase];
        const at = this.phraseAt(phrase, tokens, stems, i);
        // A phrase never runs from the story into the question ("… dass er bestraft wird. Wird er bestraft?").
        if (at && (i >= clause || at[at.length - 1] < clause)) [match, matched] = [start, at];
      }
      // An inflected verb the lexicon lists as an infinitive ("übersetzt" for "übersetzen"), the index lacking it.
      if (!match && language === 'de' && this.vocab.id(stems[i]) === undefined && !this.lexicon.stopwords.has(tokens[i])) {
        const start = infinitiveStems(tokens[i])
          .map((s) => this.phraseStarts.get(s)?.find((p) => p.length === 1))
          .find((p) => p !== undefined);
        if (start) [match, matched] = [start, [i]];
      }
      // A question word that asks for a kind of answer ("wann": a year) counts though it is a stop word.
      const single = !match || (match.length === 1 && !this.lexicon.synonyms[match.group].answer);
      if (single && this.lexicon.stopwords.has(tokens[i])) {
        i++;
        continue;
      }
      if (match) {
        concepts.push({
          ...this.groupConcept(
            match.group,
            match.phrase,
            matched.map((k) => tokens[k]),
          ),
          scale,
        });
        i = matched[matched.length - 1] + 1;
      } else {
        concepts.push({ ...this.wordConcept(tokens[i], stems[i], language), scale });
        i++;
      }
    }
    // A long story must not drown its question: the story's concepts together weigh at most what the
    // question clause's weigh (twelve words of story before "Wer hilft?" are its context, not its subject).
    const story = concepts.filter((c) => c.scale !== 1).length;
    const asked = concepts.length - story;
    if (story && asked && story * SEARCH_DEFAULTS.contextWeight > SEARCH_DEFAULTS.storyShare * asked) {
      const scale = (SEARCH_DEFAULTS.storyShare * asked) / story;
      for (const c of concepts) if (c.scale !== 1) c.scale = scale;
    }
    return concepts;
  }

  /**
   * A separable verb split over its clause asks for the word it forms ("Wen ruf ich an?" → "Anruf", "wenn sie
   * aussagt" and "sagt sie aus" → "Aussage"): a clause-final particle joins the first word of its clause it makes
   * a sources' word with, itself or as a verb form. A word the sources use as typed stays ("arbeiten … mit":
   * the sources split it too). Rewrites `tokens` in place; returns the particles used.
   */
  private joinSeparatedVerbs(query: string, tokens: string[]): Set<number> | undefined {
    let used: Set<number> | undefined;
    for (const { particle, clauseStart } of clauseFinalParticles(query)) {
      for (let j = clauseStart; j < particle; j++) {
        const joined = tokens[particle] + tokens[j];
        if (/[0-9]/.test(joined) || !this.reachesIndex(joined)) continue;
        if (!this.lexicon.stopwords.has(tokens[j]) && this.reachesIndex(tokens[j])) break;
        tokens[j] = joined;
        (used ??= new Set()).add(particle);
        break;
      }
    }
    return used;
  }

  /** A word the sources use (not only an alternate question), itself or as the noun of a verb form. */
  private reachesIndex(token: string): boolean {
    const inSources = (term: string) => this.sourcesTerm(term) !== undefined;
    return inSources(stem(token)) || relatedForms(token).some(inSources);
  }

  /** The id of an index term the sources use, not only alternate questions. */
  private sourcesTerm(term: string): number | undefined {
    const id = this.vocab.id(term);
    return id !== undefined && !this.phrasingOnly[id] ? id : undefined;
  }

  /**
   * A word neither the index nor the dictionary knows (the caller checked), spelt close to a one-word lexicon
   * trigger: that trigger's concept, weighed like a repaired typo, plus the index's own close spellings.
   */
  private misspeltTrigger(token: string, stemmed: string): Concept | undefined {
    if (stemmed.length < SEARCH_DEFAULTS.minTriggerFuzzyLength || /[0-9]/.test(stemmed)) return undefined;
    this.triggerVocab ??= new Vocabulary([...this.triggerOf.keys()].sort());
    const [best] = this.triggerVocab.similar(stemmed, 1);
    if (!best || best.similarity < SEARCH_DEFAULTS.triggerSimilarity) return undefined;
    // The index spells it at least as closely: a typo of an index word, not of a lexicon word.
    if (this.closeSpellings(stemmed).some((s) => s.similarity >= best.similarity)) return undefined;
    const spellings = this.expand(stemmed, 1, true);
    const start = this.triggerOf.get(this.triggerVocab.terms[best.id])!;
    const concept = this.groupConcept(start.group, start.phrase, [token]);
    const damp = SEARCH_DEFAULTS.fuzzyWeight * best.similarity;
    concept.alternatives = [
      ...concept.alternatives.map((a) => ({ ...a, weight: a.weight * damp, cover: (a.cover ?? a.weight) * best.similarity })),
      ...spellings,
    ];
    return concept;
  }

  /**
   * Where a lexicon phrase occurs from token i: the positions of its words, or undefined. Between its words
   * up to `maxPhraseGap` stop words may stand, as German puts a modal verb and a pronoun there ("wohin kann ich
   * sie schicken" is "wohin schicken", "muss sie zur Polizei" is "muss zur Polizei"); never a negation.
   */
  private phraseAt(phrase: string[], tokens: string[], stems: string[], i: number): number[] | undefined {
    if (!KnowledgeSearch.sameToken(stems[i], phrase[0])) return undefined;
    const at = [i];
    let gaps = 0;
    for (let k = 1, j = i + 1; k < phrase.length; j++) {
      if (j >= stems.length) return undefined;
      if (KnowledgeSearch.sameToken(stems[j], phrase[k])) {
        at.push(j);
        k++;
        continue;
      }
      if (++gaps > SEARCH_DEFAULTS.maxPhraseGap || !this.lexicon.stopwords.has(tokens[j]) || NEGATIONS.has(tokens[j])) return undefined;
    }
    return at;
  }

  /** Phrase words match as typed, and any article matches any other ("auf dem Strich" = "auf den Strich"). */
  private static sameToken(typed: string | undefined, listed: string): boolean {
    return typed === listed || (typed !== undefined && ARTICLES.has(typed) && ARTICLES.has(listed));
  }

  /** A lexicon group's concept: the matched phrase (weight 1; -1 when none was typed) and the others with their weights. */
  private groupConcept(g: number, chosen: number, typed: string[]): Concept {
    const group = this.lexicon.synonyms[g];
    // Counts as a content word the sources never use: what the question is about, and nothing answers it.
    if (group.uncovered) return { words: typed, alternatives: [], mass: 1, uncovered: true };
    // Asks for a year: a hint for the leading candidates (see hintYears), and the words themselves are no content.
    if (group.answer === 'year') return { words: typed, alternatives: [], mass: 0, yearHint: group.weights[0] };
    // The phrase as typed counts fully where the sources use it; words only alternate questions use (English
    // "reflection period" in one step's phrasings) weigh as the group's other phrases, so the sources' own
    // word ("Bedenkfrist") decides.
    const inSources = (phrase: string[]) =>
      phrase.some((t) => {
        const id = this.vocab.id(t);
        return id !== undefined && !this.phrasingOnly[id] && !this.lexicon.stopwords.has(t);
      });
    const alternatives = group.phrases.flatMap((phrase, p) => {
      const w = p === chosen && inSources(phrase) ? 1 : group.weights[p];
      // No spelling variants: a lexicon word was typed as listed, a variant would be a false friend ("Chef" → "sicher").
      // The other words users write for it only count as spelled (their prefixes reach false friends: "Pole" → "Polizei").
      if (phrase.length === 1)
        return this.expand(phrase[0], w, false, p !== chosen && p < group.triggers ? Infinity : SEARCH_DEFAULTS.minPrefixLength);
      const ids = phrase.filter((t) => !this.lexicon.stopwords.has(t)).map((t) => this.vocab.id(t));
      // A phrase that is partly question words ("wer hilft") matches its rest ("hilft") as a part, not as the whole.
      const part = ids.length / phrase.length;
      return ids.every((x) => x !== undefined) ? [{ terms: ids as number[], weight: w * part }] : [];
    });
    return { words: typed, alternatives, mass: group.mass, fact: group.fact };
  }

  private yearTerms: number[] | undefined;
  /** Close spellings looked up during the current search (a word may be asked for up to three times). */
  private readonly spellingMemo = new Map<string, Array<{ id: number; similarity: number }>>();
  /** The ages the current question states (set by concepts()). */
  private statedAges: number[] = [];

  private closeSpellings(term: string): Array<{ id: number; similarity: number }> {
    let found = this.spellingMemo.get(term);
    // Rarely a repair towards a word only alternate questions use ("test" → "testify"): they say how people
    // ask, they are not the sources' vocabulary; only a near-exact spelling of one is taken.
    if (!found)
      this.spellingMemo.set(
        term,
        (found = this.vocab.similar(term).filter((s) => !this.phrasingOnly[s.id] || s.similarity >= SEARCH_DEFAULTS.phrasingSimilarity)),
      );
    return found;
  }

  /** The index terms that are years (1900–2099). */
  private years(): number[] {
    return (this.yearTerms ??= this.index.vocab.flatMap((t, id) => (/^(19|20)[0-9]{2}$/.test(t) ? [id] : [])));
  }

  private factGroup(fact: string | undefined): number | undefined {
    if (!fact) return undefined;
    const g = this.lexicon.synonyms.findIndex((group) => group.fact === fact);
    return g >= 0 ? g : undefined;
  }

  /** Weighs down the passages a recognised fact argues against (every word of an avoid phrase present). */
  private avoid(facts: string[], total: Accumulator): void {
    for (const fact of facts) {
      const g = this.factGroup(fact);
      for (const phrase of g === undefined ? [] : this.lexicon.synonyms[g].avoid) {
        const ids = phrase.map((t) => this.vocab.id(t));
        if (ids.some((x) => x === undefined)) continue;
        for (let i = 0; i < total.size; i++) {
          const pid = total.list[i];
          if (ids.every((t) => this.termIn(t!, pid))) total.value[pid] *= SEARCH_DEFAULTS.avoidFactor;
        }
      }
    }
  }

  /**
   * "Wann …?": the leading candidates that contain a year gain what a year would add as a word of the
   * question. Only the leaders: scoring every year's postings would scan each of them for a tie-breaker.
   */
  private hintYears(weight: number, total: Accumulator, limit: number): void {
    const { impacts } = this.postings;
    for (const pid of this.top(total, limit * SEARCH_DEFAULTS.yearHintCandidates)) {
      let best = 0;
      for (const t of this.years()) {
        const k = this.postingOf(t, pid);
        if (k >= 0) best = Math.max(best, (weight * this.idf[t] * impacts[k]) / 1000);
      }
      total.value[pid] += best;
    }
  }

  private phrasings: Array<Phrasing[] | undefined> = [];
  private ownHeadings: Array<Phrasing | undefined> = [];
  /** Numbers for every word of a phrasing read so far (stemmed), so the typed words are compared as numbers. */
  private readonly phrasingWord = new Map<string, number>();

  /** A text's index terms and its word numbers. */
  private phrasingOf(text: string): Phrasing {
    const number = (w: string) => {
      let id = this.phrasingWord.get(w);
      if (id === undefined) this.phrasingWord.set(w, (id = this.phrasingWord.size));
      return id;
    };
    const stems = words(text).map(stem);
    return {
      terms: Int32Array.from(new Set(stems.flatMap((w) => this.vocab.id(w) ?? []))),
      words: Int32Array.from(new Set(stems.map(number))),
    };
  }

  /** A passage's heading (with the source title) first, then its alternate questions; read when first asked for. */
  private phrasingsOf(pid: number): Phrasing[] {
    const p = this.index.passages[pid];
    return (this.phrasings[pid] ??= [`${this.sources.get(p.sourceId)?.title ?? ''} ${p.heading}`, ...(p.questions ?? [])].map((text) =>
      this.phrasingOf(text),
    ));
  }

  /** The passage's own heading, without its source's title (every step of a checklist shares that title). */
  private ownHeadingOf(pid: number): Phrasing {
    return (this.ownHeadings[pid] ??= this.phrasingOf(this.index.passages[pid].heading));
  }

  /**
   * How much of the question one phrasing covers by itself, for the passages asked about: a concept counts as
   * covered by one of its index terms or by the very words typed ("how long" in "How long is …", though the
   * index has neither word). The look-up is built on the first call: most searches ask about the first hit only.
   */
  private phrasingCover(concepts: Concept[], weights: number[], mass: number) {
    let conceptsOf: Map<number, Array<[concept: number, weight: number]>> | undefined;
    const lookUp = () => {
      const map = new Map<number, Array<[concept: number, weight: number]>>();
      for (let i = 0; i < concepts.length; i++)
        for (const a of concepts[i].alternatives)
          for (const t of a.terms) {
            const list = map.get(t);
            if (list) list.push([i, a.weight]);
            else map.set(t, [[i, a.weight]]);
          }
      return map;
    };
    const typed = concepts.map((c) => c.words.map(stem));
    const got = new Float64Array(concepts.length);
    const cover = (phrasing: Phrasing): number => {
      conceptsOf ??= lookUp();
      got.fill(0);
      for (const t of phrasing.terms) {
        const list = conceptsOf.get(t);
        if (list) for (const [i, w] of list) if (w > got[i]) got[i] = w;
      }
      let covered = 0;
      for (let i = 0; i < got.length; i++) {
        // Every word of a phrasing has its number once the phrasing is read: a typed word without one is not in it.
        if (got[i] < 1 && typed[i].length && typed[i].every((w) => phrasing.words.includes(this.phrasingWord.get(w) ?? -1))) got[i] = 1;
        covered += got[i] * weights[i];
      }
      return covered / mass;
    };
    /** The share of a phrasing's own words that some weighed concept of the question reaches (a Land left out counts not). */
    const precision = (phrasing: Phrasing): number => {
      if (!phrasing.terms.length) return 1;
      conceptsOf ??= lookUp();
      let hit = 0;
      for (const t of phrasing.terms) if (conceptsOf.get(t)?.some(([i, w]) => w > 0 && weights[i] > 0)) hit++;
      return hit / phrasing.terms.length;
    };
    /**
     * The best share over the passage's alternate questions, and, with `heading`, over its heading too ('only':
     * the heading alone, weighed by how much of the heading the question has).
     */
    return (pid: number, heading: boolean | 'only'): number => {
      const list = this.phrasingsOf(pid);
      if (heading === 'only') return cover(list[0]) * precision(this.ownHeadingOf(pid)) ** SEARCH_DEFAULTS.headingPrecisionExponent;
      let best = 0;
      for (let q = heading ? 0 : 1; q < list.length; q++) {
        // An alternate question counts by how much of the question it covers and how much of it the question fills;
        // the confidence's "phrasing" signal (heading = true) keeps the plain cover it was fitted on.
        const filled = heading ? 1 : precision(list[q]) ** SEARCH_DEFAULTS.questionPrecisionExponent;
        best = Math.max(best, cover(list[q]) * filled);
      }
      return best;
    };
  }

  /**
   * The leading candidates gain in proportion to the share of the question their heading (with the source
   * title) and one of their alternate questions each cover by themselves: a heading or phrasing that has the
   * question's words is better evidence than the same words spread over a passage's text, where a long
   * passage meets many words of a long question by chance.
   */
  private matchQuestions(
    share: ((pid: number, heading: boolean) => number) | undefined,
    headingShare: (pid: number) => number,
    total: Accumulator,
    mass: number,
  ): number[] {
    const candidates = this.top(total, SEARCH_DEFAULTS.questionMatchCandidates);
    if (!share) return candidates;
    for (const pid of candidates) {
      const passage = this.index.passages[pid];
      total.value[pid] *= 1 + SEARCH_DEFAULTS.headingMatchWeight * headingShare(pid) * Math.min(1, total.coverage[pid] / mass);
      if (passage.questions?.length) total.value[pid] *= 1 + SEARCH_DEFAULTS.questionMatchWeight * share(pid, false);
    }
    return candidates;
  }

  /**
   * A passage for one kind of case only (a step for minors) counts less when the question states none of its
   * facts, and so does one a stated fact rules out (an EU citizen's question and a third-country residence permit).
   */
  private weighUnstatedFacts(facts: string[], total: Accumulator): void {
    // The few passages with conditions, not every candidate: a question reaches tens of thousands at 100k passages.
    for (const pid of this.conditional) {
      if (total.mark[pid] !== total.epoch) continue;
      const { facts: own, notFor } = this.index.passages[pid];
      if (own && !own.some((f) => facts.includes(f))) total.value[pid] *= SEARCH_DEFAULTS.unstatedFactFactor;
      if (notFor?.some((f) => facts.includes(f))) total.value[pid] *= SEARCH_DEFAULTS.unstatedFactFactor;
    }
  }

  /** A Land's directory counts less in a question about another Land or none ("Muss sie zur Polizei?" is no Berlin question). */
  private weighRegions(query: string, total: Accumulator): void {
    if (!this.regionOf) return;
    let region: string | undefined | null = null; // null: not asked yet (most questions touch no regional passage)
    let asks: boolean | undefined;
    for (let i = 0; i < total.size; i++) {
      const pid = total.list[i];
      const own = this.passageRegion[pid];
      if (own === undefined) continue;
      if (region === null) region = this.regionOf(query);
      if (!region || !own.includes(region)) total.value[pid] *= SEARCH_DEFAULTS.otherRegionFactor;
      else if (this.isDirectory[pid] && !(asks ??= this.asksForContact?.(query) ?? true))
        total.value[pid] *= SEARCH_DEFAULTS.noContactDirectoryFactor;
    }
  }

  /** A single question word: its spellings in the index, or, unknown, how much it may count against the question. */
  private wordConcept(token: string, stemmed: string, language: 'de' | 'en'): Concept {
    const id = this.vocab.id(stemmed);
    if (id !== undefined) {
      const ordinary = language === 'de' && this.lexicon.knownWords?.().kind(token) === 'word';
      // An ordinary verb or adverb only a phrasing uses ("wechselt", "essen"): a hint, not what a question is about.
      if (ordinary && this.phrasingOnly[id])
        return {
          words: [token],
          alternatives: [{ terms: [id], weight: SEARCH_DEFAULTS.phrasingWordWeight }],
          mass: SEARCH_DEFAULTS.unknownWordMass,
        };
      return { words: [token], alternatives: this.expand(stemmed, 1, true), mass: ordinary ? SEARCH_DEFAULTS.ordinaryWordMass : 1 };
    }
    if (/^[0-9]+$/.test(token)) return { words: [token], alternatives: [], mass: SEARCH_DEFAULTS.unknownNumberMass };
    // A verb form of a word the sources name as a noun ("ausgesagt" → "Aussage", "beraten" → "Beratung").
    const related = relatedForms(token).flatMap((form) => {
      const id = this.vocab.id(form);
      return id === undefined ? [] : [{ terms: [id], weight: SEARCH_DEFAULTS.relatedFormWeight }];
    });
    if (related.length) return { words: [token], alternatives: related, mass: 1 };
    // In an English question an English word is an ordinary word ("doctor", "tonight"), never a typo of a German one.
    const kind = language === 'en' && this.lexicon.englishWords?.().has(token) ? 'noun' : this.lexicon.knownWords?.().kind(token);
    const misspelt = kind === undefined ? this.misspeltTrigger(token, stemmed) : undefined;
    if (misspelt) return misspelt;
    // An ordinary word is no typo: spelling variants of it would be false friends ("Vater" → "Verfahren"),
    // and so would other words on its stem ("Aktien" → "Akti…" → "Aktion"); compounds on the whole word
    // stay ("Ausweis" → "Ausweisdokumente").
    const alternatives = kind === undefined ? this.expand(stemmed, 1, true) : this.expand(stemmed, 1, false, undefined, token);
    if (
      kind !== undefined &&
      stemmed.length >= SEARCH_DEFAULTS.minKnownWordFuzzyLength &&
      stemmed.length <= SEARCH_DEFAULTS.maxKnownWordFuzzyLength &&
      !/[0-9]/.test(stemmed)
    ) {
      for (const s of this.closeSpellings(stemmed)) {
        if (s.similarity >= SEARCH_DEFAULTS.knownWordSimilarity)
          alternatives.push({ terms: [s.id], weight: SEARCH_DEFAULTS.fuzzyWeight * s.similarity, cover: s.similarity });
      }
    }
    if (alternatives.length) return { words: [token], alternatives, mass: 1 };
    const unknownMass = kind === 'noun' ? SEARCH_DEFAULTS.unknownNounMass : SEARCH_DEFAULTS.unknownWordMass;
    // A guess leads to passages but counts for the confidence as the unknown word it is.
    const guess = (ids: number[], weight: number) =>
      ids.length ? { alternatives: ids.map((id) => ({ terms: [id], weight })), guessed: true } : {};
    // An ordinary word the sources never use may have a synonym they do ("Bude" → "Unterkunft").
    const synonyms = kind !== undefined && language === 'de' ? this.thesaurusTerms(stemmed) : [];
    if (synonyms.length) return { words: [token], alternatives, mass: unknownMass, ...guess(synonyms, SEARCH_DEFAULTS.thesaurusWeight) };
    // Only its parts known, a compound still leads to passages on them ("Onlineberatung" → Beratung); the part
    // alone is often general ("Kindergeld|antrag").
    const parts = guess(language === 'de' ? this.compoundParts(stemmed) : [], SEARCH_DEFAULTS.compoundPartWeight);
    if (!kind) return { words: [token], alternatives, mass: 1, unlike: true, ...parts };
    return { words: [token], alternatives, mass: unknownMass, ...parts };
  }

  /**
   * The index terms of a word's thesaurus synonyms (sources' words, not only alternate questions'). A word
   * with more of them than `maxThesaurusTerms` has too many senses to guess one ("Botschaft": embassy or message).
   */
  private thesaurusTerms(stemmed: string): number[] {
    const synonyms = this.lexicon.thesaurus?.().synonyms(stemmed) ?? [];
    const ids = new Set<number>();
    for (const word of synonyms) {
      const id = word.length >= SEARCH_DEFAULTS.minThesaurusTermLength ? this.sourcesTerm(word) : undefined;
      if (id !== undefined) ids.add(id);
    }
    // In index order: the same alternatives whether the thesaurus came from its text or its cache (a tie goes to the first).
    return ids.size <= SEARCH_DEFAULTS.maxThesaurusTerms ? [...ids].sort((a, b) => a - b) : [];
  }

  /**
   * The parts of a compound the index lacks that the sources use (not only alternate questions): its longest
   * last part ("Online|beratung") and its longest first part ("Schweigepflicht|entbindung"), each of at least
   * `minCompoundHeadLength` letters and leaving three for the other.
   */
  private compoundParts(stemmed: string): number[] {
    const min = SEARCH_DEFAULTS.minCompoundHeadLength;
    let head: number | undefined;
    for (let at = 3; head === undefined && at <= stemmed.length - min; at++) head = this.sourcesTerm(stemmed.slice(at));
    let modifier: number | undefined;
    for (let end = stemmed.length - 3; modifier === undefined && end >= min; end--) modifier = this.sourcesTerm(stemmed.slice(0, end));
    return [...new Set([head, modifier].filter((id): id is number => id !== undefined))];
  }

  private accumulators() {
    const n = this.index.passages.length;
    return (this.scratch ??= { alt: new Accumulator(n), best: new Accumulator(n), total: new Accumulator(n) });
  }

  /**
   * Scores one concept into `best`: per passage, the best alternative's score and that alternative's
   * coverage. A phrase alternative sums its words' scores and covers the concept in proportion to the
   * phrase words a passage has; an earlier alternative wins a tie.
   */
  private scoreConcept(alternatives: Alternative[], best: Accumulator, alt: Accumulator): void {
    const { offsets, passages, impacts } = this.postings;
    best.reset();
    const bValue = best.value;
    const bCoverage = best.coverage;
    const bMark = best.mark;
    const bList = best.list;
    const bEpoch = best.epoch;
    let bSize = 0;
    for (const a of alternatives) {
      const share = a.weight / a.terms.length;
      if (a.terms.length === 1) {
        const t = a.terms[0];
        const idf = this.idf[t];
        const si = share * idf;
        const coverage = ((a.cover ?? a.weight) * idf) / (idf || 1);
        if (bSize === 0) {
          // Nothing reached yet: a term lists each passage once, so every posting is a first touch (no mark to read).
          for (let k = offsets[t], end = offsets[t + 1]; k < end; k++) {
            const pid = passages[k];
            bMark[pid] = bEpoch;
            bList[bSize++] = pid;
            bValue[pid] = (si * impacts[k]) / 1000;
            bCoverage[pid] = coverage;
          }
          continue;
        }
        for (let k = offsets[t], end = offsets[t + 1]; k < end; k++) {
          const pid = passages[k];
          const score = (si * impacts[k]) / 1000;
          if (bMark[pid] !== bEpoch) {
            bMark[pid] = bEpoch;
            bList[bSize++] = pid;
          } else if (!(score > bValue[pid])) continue;
          bValue[pid] = score;
          bCoverage[pid] = coverage;
        }
        continue;
      }
      const altIdf = a.terms.reduce((sum, t) => sum + this.idf[t], 0) || 1;
      alt.reset();
      const aValue = alt.value;
      const aCoverage = alt.coverage;
      const aMark = alt.mark;
      const aList = alt.list;
      const aEpoch = alt.epoch;
      let aSize = 0;
      for (const t of a.terms) {
        const idf = this.idf[t];
        const si = share * idf;
        const coverage = ((a.cover ?? a.weight) * idf) / altIdf;
        for (let k = offsets[t], end = offsets[t + 1]; k < end; k++) {
          const pid = passages[k];
          if (aMark[pid] !== aEpoch) {
            aMark[pid] = aEpoch;
            aList[aSize++] = pid;
            aValue[pid] = 0;
            aCoverage[pid] = 0;
          }
          aValue[pid] += (si * impacts[k]) / 1000;
          aCoverage[pid] += coverage;
        }
      }
      for (let i = 0; i < aSize; i++) {
        const pid = aList[i];
        const score = aValue[pid];
        if (bMark[pid] !== bEpoch) {
          bMark[pid] = bEpoch;
          bList[bSize++] = pid;
        } else if (!(score > bValue[pid])) continue;
        bValue[pid] = score;
        bCoverage[pid] = aCoverage[pid];
      }
    }
    best.size = bSize;
  }

  /** Adds one concept's best scores to the totals, and its coverage weighted by the concept's idf. */
  private addConcept(total: Accumulator, best: Accumulator, conceptIdf: number, scale: number): void {
    const { value, coverage, mark, list, epoch } = total;
    const bValue = best.value;
    const bCoverage = best.coverage;
    const bList = best.list;
    const bSize = best.size;
    let size = total.size;
    if (size === 0) {
      // The first concept that reaches passages: all of them are first touches (as below: 0, then the sum).
      for (let i = 0; i < bSize; i++) {
        const pid = bList[i];
        mark[pid] = epoch;
        list[size++] = pid;
        value[pid] = 0 + scale * bValue[pid];
        coverage[pid] = 0 + conceptIdf * bCoverage[pid];
      }
      total.size = size;
      return;
    }
    for (let i = 0; i < bSize; i++) {
      const pid = bList[i];
      if (mark[pid] !== epoch) {
        mark[pid] = epoch;
        list[size++] = pid;
        value[pid] = 0;
        coverage[pid] = 0;
      }
      value[pid] += scale * bValue[pid];
      coverage[pid] += conceptIdf * bCoverage[pid];
    }
    total.size = size;
  }

  /**
   * Alternatives that can never win drop out before scoring: a single-word alternative whose word an
   * earlier single-word alternative already has with at least its weight scores at most as much on every
   * passage, and a later alternative only wins when it scores strictly more (synonym lists repeat stems:
   * "Arbeitsgruppe" and "Arbeitsgruppen" expand to the same terms). Phrases repeated verbatim drop too.
   */
  private static distinct(alternatives: Alternative[]): Alternative[] {
    const weightOf = new Map<number, number>();
    const phrases = new Set<string>();
    return alternatives.filter((a) => {
      if (a.terms.length === 1) {
        const seen = weightOf.get(a.terms[0]);
        if (seen !== undefined && seen >= a.weight) return false;
        weightOf.set(a.terms[0], a.weight);
        return true;
      }
      const key = `${a.weight} ${a.terms.join(' ')}`;
      if (phrases.has(key)) return false;
      phrases.add(key);
      return true;
    });
  }

  search(query: string, limit: number = SEARCH_DEFAULTS.limit): SearchResult {
    const language = guessLanguage(query, this.lexicon);
    this.spellingMemo.clear();
    const concepts = this.concepts(query, language);
    const unknownWords = concepts.filter((c) => c.unlike).flatMap((c) => c.words);
    // A stated age decides the age facts: "ein 19-jähriges Mädchen" is no minor, whatever "Mädchen" suggests.
    const ages = this.statedAges;
    const facts = [...new Set(concepts.flatMap((c) => (c.fact ? [c.fact] : [])))].filter(
      (f) => !ages.length || !AGE_FACTS.has(f) || ages.some((a) => ageFact(a) === f),
    );
    const { alt, best, total } = this.accumulators();
    total.reset();
    let conceptMass = 0;
    const conceptWeights: number[] = [];

    for (const concept of concepts) {
      let conceptIdf = 0;
      for (const a of concept.alternatives) if (a.weight === 1) for (const t of a.terms) conceptIdf = Math.max(conceptIdf, this.idf[t]);
      this.scoreConcept(KnowledgeSearch.distinct(concept.alternatives), best, alt);
      // A word known only through a synonym or a spelling variant weighs what its best variant weighs.
      if (!conceptIdf)
        conceptIdf = concept.alternatives.length
          ? Math.max(...concept.alternatives.flatMap((a) => a.terms.map((t) => this.idf[t])))
          : this.maxIdf;
      const scale = concept.scale ?? 1;
      conceptMass += conceptIdf * concept.mass * scale;
      conceptWeights.push(conceptIdf * concept.mass * scale);
      this.addConcept(total, best, conceptIdf * concept.mass * scale, scale);
    }
    this.avoid(facts, total);
    this.weighUnstatedFacts(facts, total);
    this.weighRegions(query, total);
    const share = conceptMass ? this.phrasingCover(concepts, conceptWeights, conceptMass) : undefined;
    let placeFree: ReturnType<KnowledgeSearch['phrasingCover']> | undefined;
    const headingShare = (pid: number): number => {
      if (!share) return 0;
      if (!this.passageRegion[pid]) return share(pid, 'only');
      // A regional step's heading names its Land ("NRW: …"): a Land asked about is weighed once, by weighRegions.
      placeFree ??= this.phrasingCover(
        concepts,
        conceptWeights.map((w, i) => (this.regionOf?.(concepts[i].words.join(' ')) ? 0 : w)),
        conceptMass,
      );
      return placeFree(pid, 'only');
    };
    const candidates = this.matchQuestions(share, headingShare, total, conceptMass);
    const yearHint = concepts.find((c) => c.yearHint)?.yearHint;
    if (yearHint) this.hintYears(yearHint, total, Math.max(2, limit));

    // A boost only raises its candidate, so the leaders are among the candidates unless a year hint
    // re-weighed others: re-sort those instead of passing over every passage again.
    const wanted = Math.max(2, Math.floor(limit));
    const ranked =
      !yearHint && wanted <= candidates.length
        ? candidates.sort((a, b) => total.value[b] - total.value[a] || a - b).slice(0, wanted)
        : this.top(total, wanted);
    const top = ranked.length ? total.value[ranked[0]] : 0;
    const signals = this.signals(concepts, ranked, total, conceptMass, language);
    signals.phrasing = ranked.length && share ? share(ranked[0], true) : 0;
    if (ranked.length > limit) ranked.length = Math.max(0, Math.floor(limit));
    const ambiguous = ranked.length > 1 && total.value[ranked[1]] / top >= SEARCH_DEFAULTS.ambiguousRatio;
    let previous = ambiguous ? SEARCH_DEFAULTS.confident - 0.01 : 1;
    const hits: SearchHit[] = ranked.map((pid) => {
      const coverage = conceptMass ? total.coverage[pid] / conceptMass : 0;
      const score = Math.min(previous, coverage * Math.sqrt(total.value[pid] / top));
      previous = score;
      const passage = this.index.passages[pid];
      return { passage, source: this.sources.get(passage.sourceId)!, score: Math.round(score * 1000) / 1000 };
    });
    signals.top = hits[0]?.score ?? 0;
    // Numbers and single letters alone ("{{7*7}} %00", "x 12") can meet any paragraph number: no answer without a
    // word. A stated age ("sie ist erst 17") is no bare number: it is the fact the question is about.
    const hasWord = concepts.some((c) => c.fact !== undefined || c.words.some((w) => /\p{L}{3,}/u.test(w)));
    const model = this.lexicon.calibration;
    const bands = model
      ? { confident: model.confident, plausible: model.plausible }
      : { confident: SEARCH_DEFAULTS.confident, plausible: SEARCH_DEFAULTS.plausible };
    let confidence = hits.length && hasWord ? calibratedConfidence(signals, this.lexicon.calibration) : 0;
    // Asked about a topic the sources do not cover: whatever else matches, no passage answers it.
    const uncovered = concepts.some((c) => c.uncovered && (c.scale ?? 1) === 1);
    if (uncovered) confidence = Math.min(confidence, bands.plausible - 0.001);
    // A runner-up as good as the first hit: whatever the model says, the answer is not clear-cut (offer alternatives).
    if (hits.length > 1 && hits[1].score >= hits[0].score * SEARCH_DEFAULTS.ambiguousRatio)
      confidence = Math.min(confidence, bands.confident - 0.001);
    return { query, language, hits, confidence, bands, unknownWords, facts, uncovered, signals };
  }

  /** What the confidence is calibrated on (see confidence.ts); `top` is filled in once the scores are known. */
  private signals(
    concepts: Concept[],
    ranked: number[],
    total: Accumulator,
    conceptMass: number,
    language: 'de' | 'en',
  ): ConfidenceSignals {
    const [first] = ranked;
    const content = concepts.filter((c) => c.mass >= 0.5);
    const matched = first === undefined ? 0 : content.filter((c) => this.conceptHas(c, first)).length;
    const weightOf = (list: Concept[]) => list.reduce((sum, c) => sum + (c.scale ?? 1), 0);
    const unknown = content.filter((c) => (!c.alternatives.length || c.guessed) && !c.unlike);
    return {
      top: 0,
      coverage: first !== undefined && conceptMass ? total.coverage[first] / conceptMass : 0,
      margin: this.rivalMargin(ranked, total),
      matched: content.length ? matched / content.length : 0,
      unlike: concepts.length ? concepts.filter((c) => c.unlike).length / concepts.length : 0,
      unknown: language === 'de' && content.length ? weightOf(unknown) / weightOf(content) : 0,
      unknownEnglish: language === 'en' && content.length ? weightOf(unknown) / weightOf(content) : 0,
      concepts: concepts.length,
      english: language === 'en' ? 1 : 0,
      phrasing: 0,
    };
  }

  /**
   * How clearly the first hit leads: 1 − rival / first, the rival being the best-ranked passage that covers
   * clearly less of the question. Passages covering as much are co-answers (a step and the source it cites),
   * not rivals; with only such passages among the leaders, the plain lead over the runner-up.
   */
  private rivalMargin(ranked: number[], total: Accumulator): number {
    const [first] = ranked;
    if (first === undefined) return 0;
    const floor = total.coverage[first] * (1 - SEARCH_DEFAULTS.rivalCoverageGap);
    for (const pid of ranked.slice(1)) if (total.coverage[pid] < floor) return 1 - total.value[pid] / total.value[first];
    return ranked.length > 1 ? 1 - total.value[ranked[1]] / total.value[first] : 1;
  }

  /** Whether any word of any alternative of the concept occurs in the passage. */
  private conceptHas(concept: Concept, pid: number): boolean {
    return concept.alternatives.some((a) => a.terms.some((t) => this.termIn(t, pid)));
  }

  /** The posting of term t for passage pid, or -1 (binary search in its postings, ascending by passage). */
  private postingOf(t: number, pid: number): number {
    const { offsets, passages } = this.postings;
    let lo = offsets[t];
    let hi = offsets[t + 1] - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      if (passages[mid] === pid) return mid;
      if (passages[mid] < pid) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  /** Whether term t occurs in passage pid. */
  private termIn(t: number, pid: number): boolean {
    return this.postingOf(t, pid) >= 0;
  }

  /** The `limit` best passages by total score (ties: lower passage number first), best first. */
  private top(total: Accumulator, limit: number): number[] {
    const value = total.value;
    const k = Math.max(0, Math.floor(limit));
    if (k >= total.size) return Array.from(total.list.subarray(0, total.size)).sort((a, b) => value[b] - value[a] || a - b);
    const out: number[] = [];
    if (!k) return out;
    let worst = -Infinity; // value of out[k - 1] once out is full
    for (let i = 0; i < total.size; i++) {
      const pid = total.list[i];
      const v = value[pid];
      if (out.length === k) {
        if (v < worst || (v === worst && pid > out[k - 1])) continue;
        out.pop();
      }
      let j = out.length;
      out.push(pid);
      while (j > 0 && (v > value[out[j - 1]] || (v === value[out[j - 1]] && pid < out[j - 1]))) {
        out[j] = out[j - 1];
        j--;
      }
      out[j] = pid;
      if (out.length === k) worst = value[out[k - 1]];
    }
    return out;
  }
}
