import fs from 'node:fs';
import { sourceFiles } from '../knowledge/build';
import { parseSource } from '../knowledge/parseSource';
import type { LawChangeData } from './amendments';
import { parseNorm } from './norms';
import type { Checklist } from './schema';

export const FACHINFO = 'lotse-fachinfo';

/** Each source document's date (null when undated), read from its front matter. */
export function sourceDates(dir?: string): Map<string, string | null> {
  return new Map(
    sourceFiles(dir).map((f) => {
      const { meta } = parseSource(f, fs.readFileSync(f, 'utf8'));
      return [meta.id, meta.date] as const;
    }),
  );
}

/**
 * Problems with a checklist's norms and Stand dates, as "steps.N.field: reason". A Stand may not lie in the
 * future or after its source's date, and an undated source keeps its steps undated.
 */
export function stepProblems(checklist: Checklist, data: LawChangeData, dates: Map<string, string | null>, today: string): string[] {
  const problems: string[] = [];
  checklist.steps.forEach((step, i) => {
    step.legal.forEach((norm, j) => {
      if (!parseNorm(norm, data.laws))
        problems.push(`steps.${i}.legal.${j}: cannot read "${norm}" as a norm of a known law (${data.laws.join(', ')}; see ${data.file})`);
    });
    const at = `steps.${i}.stand`;
    if (step.stand && step.stand > today) problems.push(`${at}: ${step.stand} lies after today (${today})`);
    if (step.source === FACHINFO) {
      if (!step.stand) problems.push(`${at}: a step written from the fact sheet needs the date it was checked`);
      else if (step.stand > data.fachinfo.revised)
        problems.push(`${at}: ${step.stand} lies after the fact sheet's revision (${data.fachinfo.revised})`);
      return;
    }
    if (!dates.has(step.source)) return;
    const date = dates.get(step.source) ?? null;
    if (date === null && step.stand !== null)
      problems.push(`${at}: source "${step.source}" has no date, so the step keeps Stand unbekannt (stand: null), not ${step.stand}`);
    if (date !== null && step.stand === null)
      problems.push(`${at}: source "${step.source}" is dated ${date}; give the date the step was checked`);
    if (date !== null && step.stand !== null && step.stand > date)
      problems.push(`${at}: ${step.stand} lies after its source's date (${date})`);
  });
  return problems;
}
