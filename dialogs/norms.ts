/** Reads norm citations like "§ 25 Abs. 4b AufenthG" or "§§ 31–37 SGB XIV" into law, sections and sub-units. */

export interface SectionRange {
  from: string;
  to: string;
}

export interface NormRef {
  /** The law's abbreviation as listed in dialogs/amendments.yaml. */
  law: string;
  /** Empty: the whole law. */
  sections: SectionRange[];
  /** Sub-units of a single section, e.g. ["Abs. 2", "S. 5"]. */
  path: string[];
  text: string;
}

const SUB_UNIT = /^(Abs\.|S\.|Nr\.)\s*(\d+[a-z]?)/;

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A whole-word pattern; "/" and "-" count as part of a word so "AVV-AufenthG" is not "AufenthG". */
export function wordPattern(words: string[]): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}/-])(?:${words.map(escape).join('|')})(?![\\p{L}\\p{N}/-])`, 'iu');
}

/** Each list of laws (never changed once loaded), longest first, with its whole-word patterns: built once per list, not for every citation. */
const lawPatterns = new WeakMap<string[], Array<{ law: string; pattern: RegExp }>>();

function patternsOf(laws: string[]): Array<{ law: string; pattern: RegExp }> {
  let patterns = lawPatterns.get(laws);
  if (!patterns) {
    patterns = [...laws]
      .sort((a, b) => b.length - a.length)
      .map((law) => ({ law, pattern: new RegExp(`(?<![\\p{L}\\p{N}/-])${escape(law)}(?![\\p{L}\\p{N}/-])`, 'u') }));
    lawPatterns.set(laws, patterns);
  }
  return patterns;
}

function lawIn(text: string, laws: string[]): { law: string; rest: string } | undefined {
  for (const { law, pattern } of patternsOf(laws)) {
    const m = pattern.exec(text);
    if (m) return { law, rest: (text.slice(0, m.index) + text.slice(m.index + law.length)).trim() };
  }
  return undefined;
}

function readPath(rest: string): string[] | undefined {
  const path: string[] = [];
  let s = rest.trim();
  while (s) {
    const m = SUB_UNIT.exec(s);
    if (!m) return undefined;
    path.push(`${m[1]} ${m[2]}`);
    s = s.slice(m[0].length).trim();
  }
  return path;
}

function readSections(list: string): SectionRange[] | undefined {
  const out: SectionRange[] = [];
  for (const part of list.split(',').map((p) => p.trim())) {
    const m = /^(\d+[a-z]?)(?:\s*[–-]\s*(\d+[a-z]?))?$/.exec(part);
    if (!m) return undefined;
    out.push({ from: m[1], to: m[2] ?? m[1] });
  }
  return out;
}

/** Parses one citation; `undefined` when no known law is named or the rest is not a § reference. */
export function parseNorm(text: string, laws: string[]): NormRef | undefined {
  const found = lawIn(text.trim(), laws);
  if (!found) return undefined;
  const { law, rest } = found;
  if (!rest) return { law, sections: [], path: [], text };
  const avv = /^Nr\.\s*(\d+[a-z]?(?:\.\d+[a-z]?)*)$/.exec(rest);
  if (avv) return { law, sections: [{ from: avv[1], to: avv[1] }], path: [], text };
  const many = /^§§\s*(.+)$/.exec(rest);
  if (many) {
    const sections = readSections(many[1]);
    return sections && { law, sections, path: [], text };
  }
  const one = /^§\s*(\d+[a-z]?)(.*)$/.exec(rest);
  if (!one) return undefined;
  const path = readPath(one[2]);
  return path && { law, sections: [{ from: one[1], to: one[1] }], path, text };
}

/** Orders "42" < "42a" < "43" and AVV numbers like "15a.1.5.2". */
function compareSection(a: string, b: string): number {
  const pa = a.split('.');
  const pb = b.split('.');
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    if (pa[i] === undefined) return -1;
    if (pb[i] === undefined) return 1;
    const [, na, la] = /^(\d+)([a-z]*)$/.exec(pa[i]) ?? ['', '0', pa[i]];
    const [, nb, lb] = /^(\d+)([a-z]*)$/.exec(pb[i]) ?? ['', '0', pb[i]];
    if (Number(na) !== Number(nb)) return Number(na) - Number(nb);
    if (la !== lb) return la < lb ? -1 : 1;
  }
  return 0;
}

const intersects = (a: SectionRange, b: SectionRange) => compareSection(a.from, b.to) <= 0 && compareSection(b.from, a.to) <= 0;
const isSingle = (n: NormRef) => n.sections.length === 1 && n.sections[0].from === n.sections[0].to;

/** True when a change to `touched` may concern `cited`: same law and overlapping sections and sub-units. */
export function normsOverlap(cited: NormRef, touched: NormRef): boolean {
  if (cited.law !== touched.law) return false;
  if (!cited.sections.length || !touched.sections.length) return true;
  if (!cited.sections.some((a) => touched.sections.some((b) => intersects(a, b)))) return false;
  if (!isSingle(cited) || !isSingle(touched)) return true;
  const shorter = Math.min(cited.path.length, touched.path.length);
  return cited.path.slice(0, shorter).every((unit, i) => unit === touched.path[i]);
}
