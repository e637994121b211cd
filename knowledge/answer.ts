import { decideAnswer } from './confidence';
import type { Language } from './lexicon';
import { SEARCH_DEFAULTS, type SearchHit, type SearchResult } from './search';

/**
 * Why a passage needs a caveat; rendered into sentences by the channel (src/cards) from its texts. The search
 * itself only knows the source's age; `note` carries a caveat the caller added (a law-change note, a correction).
 */
export type PassageWarning = { kind: 'oldSource'; year: string; age: number } | { kind: 'undatedSource' } | { kind: 'note'; text: string };

/** What the user should see for one passage: text, citation and any warnings. Channel-neutral, wording-free. */
export interface PassageView {
  id: string;
  sourceId: string;
  title: string;
  heading: string;
  text: string;
  publisher: string;
  /** ISO date of the source's Stand, or null when the source gives none (then `dateNote` may say why). */
  date: string | null;
  dateNote: string | null;
  url: string | null;
  warnings: PassageWarning[];
}

export interface AnswerView {
  kind: 'answer' | 'uncertain' | 'none';
  language: Language;
  main?: PassageView;
  /** Uncertain: the runners-up ("Meinten Sie …?"). None: the nearest passages, offered as related, never as an answer. */
  alternatives: PassageView[];
  unknownWords: string[];
}

export interface AnswerPolicy {
  now: Date;
  /** Sources older than this many years get a visible warning. */
  maxSourceAgeYears: number;
}

export function viewPassage(hit: Pick<SearchHit, 'passage' | 'source'>, policy: AnswerPolicy): PassageView {
  const { passage, source } = hit;
  const warnings: PassageWarning[] = [];
  if (!source.date) {
    if (source.kind === 'document') warnings.push({ kind: 'undatedSource' });
  } else {
    const age = Math.floor((policy.now.getTime() - Date.parse(source.date)) / (365.25 * 24 * 3600 * 1000));
    if (age >= policy.maxSourceAgeYears) warnings.push({ kind: 'oldSource', year: source.date.slice(0, 4), age });
  }
  return {
    id: passage.id,
    sourceId: source.id,
    title: source.title,
    heading: passage.heading.split(' › ').pop() ?? '',
    text: passage.text,
    publisher: source.publisher,
    date: source.date,
    dateNote: source.dateNote ?? null,
    url: source.url,
    warnings,
  };
}

/** An uncertain answer offers runners-up scoring at least this share of the best hit ("Meinten Sie …?"). */
const ALTERNATIVE_SHARE = 0.4;

/**
 * Declined, but close: from this far below the plausible band, "not in my sources" still names the two nearest
 * passages as related ones to open, so a withheld right answer is one click away. Measured on the tune split
 * (1867 questions, plausible 0.49, so from 0.29): of the 163 answerable questions declined, 120 are this close
 * and 92 of them have their answer among the two passages (the untouched sets: 73 of 104, 48 with the answer);
 * 52 questions without an answer in the sources get the two as well, under the honest "not in my sources". Never
 * for a topic the sources do not cover (uncovered.yaml): there the honest answer is that none of them answers it.
 */
const RELATED_BELOW_PLAUSIBLE = 0.2;
const RELATED_PASSAGES = 2;

/** Decides how sure the answer is and never presents a weak match as an answer. */
export function composeAnswer(result: SearchResult, policy: AnswerPolicy, language: Language = result.language): AnswerView {
  const [best, ...rest] = result.hits;
  const decision = decideAnswer(result);
  if (!best || decision === 'none') {
    const floor = (result.bands ?? SEARCH_DEFAULTS).plausible - RELATED_BELOW_PLAUSIBLE;
    const close = best !== undefined && !result.uncovered && result.confidence >= floor;
    const related = close ? result.hits.slice(0, RELATED_PASSAGES).map((h) => viewPassage(h, policy)) : [];
    return { kind: 'none', language, alternatives: related, unknownWords: result.unknownWords };
  }
  const confident = decision === 'confident';
  const alternatives = confident
    ? []
    : rest
        .filter((h) => h.score >= best.score * ALTERNATIVE_SHARE)
        .slice(0, 2)
        .map((h) => viewPassage(h, policy));
  return {
    kind: confident ? 'answer' : 'uncertain',
    language,
    main: viewPassage(best, policy),
    alternatives,
    unknownWords: result.unknownWords,
  };
}
