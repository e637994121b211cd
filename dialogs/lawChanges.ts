import type { LawChangeData } from './amendments';
import { normsOverlap, parseNorm, type NormRef } from './norms';
import type { Step } from './schema';

/** A law change the reader must know about, as data; src/cards turns it into words. */
export type LawChange =
  | {
      kind: 'lawChange';
      id: string;
      law: string;
      name: { de: string; en: string };
      inForce: string;
      promulgation: string;
      /** The cited norms of this law the change may concern; empty for a source that names the law. */
      norms: string[];
      /** The norms the change is known to touch, or 'unknown'. */
      touched: string[] | 'unknown';
    }
  | {
      kind: 'lawReplaced';
      id: string;
      law: string;
      replacedBy: string;
      inForce: string;
      promulgation?: string;
      consequence?: { de: string; en: string };
    };

export interface LawChangeNotes {
  /** The date the statements were checked (a step) or the source's date; null when unknown. */
  stand: string | null;
  basis: 'statute' | 'source';
  changes: LawChange[];
}

/** Changes in force by `today` that came after `stand` and concern one of the cited norms. */
export function changesFor(cited: NormRef[], stand: string | null, today: string, data: LawChangeData): LawChange[] {
  const out: LawChange[] = [];
  for (const a of data.amendments) {
    if (a.inForce > today || (stand !== null && a.inForce <= stand)) continue;
    const ofLaw = cited.filter((n) => n.law === a.law);
    if (!ofLaw.length) continue;
    if (a.kind === 'replacement') {
      out.push({
        kind: 'lawReplaced',
        id: a.id,
        law: a.law,
        replacedBy: a.replacedBy,
        inForce: a.inForce,
        promulgation: a.promulgation,
        consequence: a.consequence,
      });
      continue;
    }
    const touched = a.touched;
    const concerned = touched === 'unknown' ? ofLaw : ofLaw.filter((n) => touched.some((t) => normsOverlap(n, t)));
    if (!concerned.length) continue;
    out.push({
      kind: 'lawChange',
      id: a.id,
      law: a.law,
      name: a.name,
      inForce: a.inForce,
      promulgation: a.promulgation,
      norms: concerned.map((n) => n.text),
      touched: touched === 'unknown' ? 'unknown' : touched.map((t) => t.text),
    });
  }
  return out;
}

/** The norms a step cites, read with the laws of the amendment file (unreadable ones are a content error). */
export function stepNorms(step: Pick<Step, 'legal'>, data: LawChangeData): NormRef[] {
  return step.legal.flatMap((n) => parseNorm(n, data.laws) ?? []);
}

export function stepLawChanges(step: Pick<Step, 'legal' | 'stand'>, today: string, data: LawChangeData): LawChangeNotes {
  return { stand: step.stand, basis: 'statute', changes: changesFor(stepNorms(step, data), step.stand, today, data) };
}

/** A source passage: the laws its text names, against the source's own date. */
export function textLawChanges(text: string, sourceDate: string | null, today: string, data: LawChangeData): LawChangeNotes {
  const named: NormRef[] = data.lawPatterns
    .filter((l) => l.pattern.test(text))
    .map((l) => ({ law: l.law, sections: [], path: [], text: l.law }));
  return { stand: sourceDate, basis: 'source', changes: changesFor(named, sourceDate, today, data) };
}
