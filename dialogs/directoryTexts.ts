import { z } from 'zod';
import { ENTRY_KINDS, FORMS, GROUPS } from './directory';
import { FILTERS } from './directoryQuery';

const line = z.string().trim().min(1);
const labels = <T extends readonly string[]>(keys: T) =>
  z.object(Object.fromEntries(keys.map((k) => [k, line])) as Record<T[number], typeof line>).strict();

/** The wording of the directory card, the Land question and the "ask a person" offer (texts.yaml, key "directory"). */
export const DirectoryTexts = z
  .object({
    title: line,
    titleCity: line,
    filtered: line,
    unfiltered: line,
    cityNotFound: line,
    kinds: labels(ENTRY_KINDS),
    groups: labels(GROUPS),
    forms: labels(FORMS),
    filters: labels(FILTERS),
    phone: line,
    email: line,
    website: line,
    hours: line,
    languages: line,
    via: line,
    source: line,
    undated: line,
    check: line,
    checkUndated: line,
    checkOld: line,
    checkSecondary: line,
    gapPolice: line,
    gapLabour: line,
    gapMinors: line,
    nationwideTitle: line,
    footer: line,
    askLand: line,
    askLandHint: line,
    btnOtherLand: line,
    btnFind: line,
    askPersonTitle: line,
    askPerson: line,
    passageTitle: line,
    passagePublisher: line,
    passageStand: line,
  })
  .strict();

export type DirectoryTexts = z.infer<typeof DirectoryTexts>;
