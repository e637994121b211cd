import { composeAnswer, viewPassage, type AnswerPolicy, type PassageView } from '../knowledge/answer';
import { guessLanguage, type Lexicon } from '../knowledge/lexicon';
import { SEARCH_DEFAULTS, type KnowledgeSearch } from '../knowledge/search';
import { checklistOfSource } from '../dialogs/checklistPassages';
import type { Definitions } from '../dialogs/engine';
import { fill, type Language, type Texts } from '../dialogs/texts';
import { standText, warningText } from './cards/answerCard';
import type { ResultView } from './cards/extensionCards';
import { normalizeIncomingText } from './channels/incoming';

/** Teams shows the list as the user types; ten results are as many as anyone scrolls through. */
export const MAX_RESULTS = 10;

/**
 * Directory entries for a search text (issue 13): entries of the Land or organisation the text names, as
 * result views with the directory's source and Stand, best first; [] when the text names none.
 */
export type DirectoryResults = (query: string, language: Language) => ResultView[];

export interface ExtensionSearchDeps {
  search: KnowledgeSearch;
  lexicon: Lexicon;
  texts: Texts;
  defs: Definitions;
  policy: () => AnswerPolicy;
  /** Adds the caveats the answer card shows beyond the source's age (law-change notes, corrections). */
  noted: (view: PassageView, language: Language) => PassageView;
  maxQueryLength: number;
  directoryResults?: DirectoryResults;
}

export type ExtensionOutcome = { kind: 'results'; views: ResultView[] } | { kind: 'message'; text: string };

/** The norms of a checklist step (the steps carry them as data; document passages have none). */
function normsOf(passageId: string, sourceId: string, defs: Definitions): string[] {
  const checklistId = checklistOfSource(sourceId);
  const stepId = passageId.split('#')[1];
  const step = defs.checklists.find((c) => c.id === checklistId)?.steps.find((s) => s.id === stepId);
  return step?.legal ?? [];
}

export function passageResult(
  p: PassageView,
  language: Language,
  deps: Pick<ExtensionSearchDeps, 'texts' | 'defs'>,
  previewTitle?: string,
): ResultView {
  const norms = normsOf(p.id, p.sourceId, deps.defs);
  const heading = p.heading || p.title;
  const wording = { language, t: deps.texts[language] };
  return {
    id: p.id,
    language,
    heading,
    previewTitle,
    previewLine: previewTitle ? heading : p.text,
    text: p.text,
    facts: norms.length ? [{ label: deps.texts[language].stepLegal, value: norms.join('; ') }] : [],
    source: { title: p.title, publisher: p.publisher, stand: standText(p, wording), url: p.url },
    warnings: p.warnings.map((w) => warningText(w, wording)),
    passageId: p.id,
  };
}

/** With no search text: the best answer to each frequent topic, so the first look already offers something to insert. */
function frequentTopics(language: Language, deps: ExtensionSearchDeps): ResultView[] {
  const views = new Map<string, ResultView>();
  for (const topic of deps.texts[language].extensionTopics) {
    const main = composeAnswer(deps.search.search(topic), deps.policy(), language).main;
    if (main && !views.has(main.id)) views.set(main.id, passageResult(deps.noted(main, language), language, deps, topic));
  }
  return [...views.values()];
}

/**
 * The extension's results for what the user typed: the same search, ranking and confidence rule as a
 * free-text answer (composeAnswer decides whether anything is offered; every further passage must itself
 * reach the "plausible" band), directory entries first. Nothing typed → the frequent topics.
 */
export function searchForExtension(rawQuery: string, locale: string | undefined, deps: ExtensionSearchDeps): ExtensionOutcome {
  if (rawQuery.length > deps.maxQueryLength) {
    const language = guessLanguage(rawQuery.slice(0, deps.maxQueryLength), deps.lexicon);
    return { kind: 'message', text: fill(deps.texts[language].extensionTooLong, { max: deps.maxQueryLength }) };
  }
  const query = normalizeIncomingText(rawQuery);
  if (!query) return { kind: 'results', views: frequentTopics(/^en\b/i.test(locale ?? '') ? 'en' : 'de', deps) };
  const language = guessLanguage(query, deps.lexicon);
  const policy = deps.policy();
  const result = deps.search.search(query, MAX_RESULTS);
  const answer = composeAnswer(result, policy, language);
  const passages = answer.main
    ? [
        answer.main,
        ...result.hits
          .slice(1)
          .filter((h) => h.score >= SEARCH_DEFAULTS.plausible)
          .map((h) => viewPassage(h, policy)),
      ]
    : [];
  const views = [
    ...(deps.directoryResults?.(query, language) ?? []),
    ...passages.map((p) => passageResult(deps.noted(p, language), language, deps)),
  ];
  const seen = new Set<string>();
  const unique = views.filter((v) => !seen.has(v.id) && seen.add(v.id)).slice(0, MAX_RESULTS);
  return unique.length ? { kind: 'results', views: unique } : { kind: 'message', text: deps.texts[language].extensionNothingFound };
}
