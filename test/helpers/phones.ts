/**
 * Phone numbers anywhere in a reply (card JSON, plain text or HTML), in national form ("04067999757",
 * "110", "116016"), for the test that no reply shows a number outside the directory and the checked facts.
 * tel: links count; other link targets and web addresses do not (their digits are not phone numbers).
 */
export function phoneNumbersIn(text: string): string[] {
  const national = (raw: string) => {
    const digits = raw.replace(/\(0\)/, '').replace(/[^\d+]/g, '');
    return digits.startsWith('+49') ? `0${digits.slice(3)}` : digits;
  };
  const found: string[] = [...text.matchAll(/tel:(\+?\d+)/g)].map((m) => national(m[1]));
  const visible = text
    .replace(/\]\([^)]*\)/g, ']')
    .replace(/https?:\/\/[^\s"'<>)]+/g, ' ')
    .replace(/href="[^"]*"/g, ' ');
  for (const m of visible.matchAll(/(?<![\w.%/-])(\+49[\s\-–]*(?:\(0\))?[\s\-–]*\d[\d /\-–]*\d|0\d[\d /\-–]*\d)(?![\w.])/g)) {
    if (/^\d\d\/\d{4}$/.test(m[1])) continue; // a Stand such as 07/2025
    const n = national(m[1]);
    if (n.length >= 6) found.push(n);
  }
  for (const m of visible.matchAll(/(?<![\d.,/])(110|116 ?\d{3})(?![\d.,])/g)) found.push(m[1].replace(/\D/g, ''));
  return found;
}
