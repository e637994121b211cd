import type { Definitions } from './engine';
import type { FactDef, FactKey } from './schema';

/**
 * The search recognises case facts in a question (knowledge/lexicon/facts.yaml, ages); the checklist asks
 * the same facts as buttons (dialogs/facts.yaml). This maps the one onto the other. The first match per
 * key wins: "minor" before "under-21".
 */
const FROM_SEARCH: Record<string, [FactKey, string]> = {
  minor: ['age', 'u18'],
  'under-21': ['age', '18-20'],
  eu: ['citizenship', 'eu'],
  'non-eu': ['citizenship', 'non-eu'],
};

export interface RecognisedFact {
  def: FactDef;
  value: string;
}

/** The checklist facts a question's recognised facts stand for, in the checklist's order of questions. */
export function recognisedFacts(searchFacts: string[], defs: Pick<Definitions, 'facts'>): RecognisedFact[] {
  const chosen = new Map<FactKey, string>();
  for (const name of Object.keys(FROM_SEARCH)) {
    if (!searchFacts.includes(name)) continue;
    const [key, value] = FROM_SEARCH[name];
    if (!chosen.has(key)) chosen.set(key, value);
  }
  return defs.facts.flatMap((def) => {
    const value = chosen.get(def.key);
    return value !== undefined && def.options.some((o) => o.value === value) ? [{ def, value }] : [];
  });
}

export const RECOGNISABLE_KEYS = [...new Set(Object.values(FROM_SEARCH).map(([key]) => key))];
