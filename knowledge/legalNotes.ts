/** A content-free rule: the words that make a passage carry note `id`. The wording lives with the content (dialogs/). */
export interface LegalNoteRule {
  id: string;
  match: string[];
}

export interface LegalNoteMatcher {
  id: string;
  pattern: RegExp;
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Whole-word, case-insensitive matchers for the rules. */
export function compileLegalNotes(rules: LegalNoteRule[]): LegalNoteMatcher[] {
  return rules.map((r) => ({
    id: r.id,
    pattern: new RegExp(`(?<![\\p{L}\\p{N}])(?:${r.match.map(escape).join('|')})(?![\\p{L}\\p{N}])`, 'iu'),
  }));
}

/** Ids of the notes whose words occur in the text (each note once). */
export function notesFor(text: string, matchers: LegalNoteMatcher[]): string[] {
  return matchers.filter((n) => n.pattern.test(text)).map((n) => n.id);
}
