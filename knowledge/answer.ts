import { fill, type Language, type Texts } from '../dialogs/texts';
import { decideAnswer } from './confidence';
import { notesFor, type LegalNote } from './legalNotes';
import type { SearchHit, SearchResult } from './search';

/** What the user should see for one passage: text, citation and any warnings. Channel-neutral. */
export interface PassageView {
  id: string;
  sourceId: string;
  title: string;
  heading: string;
  text: string;
  publisher: string;
  stand: string;
  url: string | null;
  warnings: string[];
}

export interface AnswerView {
  kind: 'answer' | 'uncertain' | 'none';
  language: Language;
  main?: PassageView;
  alternatives: PassageView[];
  unknownWords: string[];
}

export interface AnswerPolicy {
  now: Date;
  /** Sources older than this many years get a visible warning. */
  maxSourceAgeYears: number;
  legalNotes: LegalNote[];
  texts: Texts;
}

function formatDate(iso: string, language: Language): string {
  const [y, m, d] = iso.split('-');
  return language === 'de' ? `${d}.${m}.${y}` : iso;
}

export function viewPassage(hit: Pick<SearchHit, 'passage' | 'source'>, language: Language, policy: AnswerPolicy): PassageView {
  const t = policy.texts[language];
  const { passage, source } = hit;
  const warnings: string[] = [];
  if (!source.date) {
    if (source.kind === 'document') warnings.push(t.undatedSource);
  } else {
    const age = Math.floor((policy.now.getTime() - Date.parse(source.date)) / (365.25 * 24 * 3600 * 1000));
    if (age >= policy.maxSourceAgeYears) warnings.push(fill(t.oldSource, { year: source.date.slice(0, 4), age }));
  }
  for (const note of notesFor(`${passage.heading}\n${passage.text}`, policy.legalNotes)) warnings.push(note.text[language]);
  const stand = source.date ? formatDate(source.date, language) : `${t.dateUnknown}${source.dateNote ? ` (${source.dateNote})` : ''}`;
  return { id: passage.id, sourceId: source.id, title: source.title, heading: passage.heading.split(' › ').pop() ?? '', text: passage.text, publisher: source.publisher, stand, url: source.url, warnings };
}

/** An uncertain answer offers runners-up scoring at least this share of the best hit ("Meinten Sie …?"). */
const ALTERNATIVE_SHARE = 0.4;

/** Decides how sure the answer is and never presents a weak match as an answer. */
export function composeAnswer(result: SearchResult, policy: AnswerPolicy, language: Language = result.language): AnswerView {
  const [best, ...rest] = result.hits;
  const decision = decideAnswer(result);
  if (!best || decision === 'none') {
    return { kind: 'none', language, alternatives: [], unknownWords: result.unknownWords };
  }
  const confident = decision === 'confident';
  const alternatives = confident
    ? []
    : rest.filter((h) => h.score >= best.score * ALTERNATIVE_SHARE).slice(0, 2).map((h) => viewPassage(h, language, policy));
  return {
    kind: confident ? 'answer' : 'uncertain',
    language,
    main: viewPassage(best, language, policy),
    alternatives,
    unknownWords: result.unknownWords,
  };
}
