/** Phone numbers as written on the source pages: parsed, checked for a usual German format, turned into tel: links. */

export interface PhoneNumber {
  /** As written on the source page. */
  text: string;
  /** The note after the number, e.g. "(Bulgarisch, Russisch)". */
  note?: string;
  /** For a tel: link: +49… for German numbers, the digits for short service numbers (110, 116 016). */
  dial: string;
  /** Digits in national form (leading 0, or the short number), to compare numbers however they are spaced. */
  national: string;
}

// Short numbers that are dialled as they are: police/emergency and the harmonised 116 xxx services.
const SHORT = /^(110|112|116\d{3})$/;
const NUMBER = /^(\+49[\s-]*(\(0\))?[\s-]*|0)[1-9][\d\s/–-]*\d$/;

/** Parses one number with an optional "(note)"; undefined when the format is unusual. */
export function parsePhone(part: string): PhoneNumber | undefined {
  const m = /^([^()]*?(?:\(0\)[^()]*?)?)\s*(\([^()]*\))?$/.exec(part.trim());
  if (!m) return undefined;
  const text = m[1].trim();
  const note = m[2] ? m[2].slice(1, -1).trim() : undefined;
  const digits = text.replace(/\(0\)/, '').replace(/[^\d+]/g, '');
  if (SHORT.test(digits)) return { text, note, dial: digits, national: digits };
  if (!NUMBER.test(text)) return undefined;
  const national = digits.startsWith('+49') ? `0${digits.slice(3)}` : digits;
  // German numbers have 6 to 12 digits after the leading 0 (area code plus subscriber number).
  if (national.length < 7 || national.length > 13) return undefined;
  return { text, note, dial: `+49${national.slice(1)}`, national };
}

function splitOutsideParentheses(field: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of field) {
    if (ch === '(') depth++;
    if (ch === ')') depth = Math.max(0, depth - 1);
    if (ch === ';' && depth === 0) {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  parts.push(current);
  return parts.map((p) => p.trim()).filter(Boolean);
}

/** A phone field may list several numbers separated by ";". Returns the first part that is unusual, if any. */
export function parsePhones(field: string): { numbers: PhoneNumber[]; bad?: string } {
  const numbers: PhoneNumber[] = [];
  for (const part of splitOutsideParentheses(field)) {
    const parsed = parsePhone(part);
    if (!parsed) return { numbers, bad: part };
    numbers.push(parsed);
  }
  return numbers.length ? { numbers } : { numbers, bad: field };
}
