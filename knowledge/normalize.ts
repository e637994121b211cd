/** German-aware text normalisation shared by the knowledge build and the search (pure, no I/O). */

const FOLDS: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', ß: 'ss' };

/** Lower-case and fold umlauts and ß to their two-letter forms, so "Entschädigung" and "Entschaedigung" meet. */
export function fold(text: string): string {
  const lower = text.toLowerCase();
  // Plain German text (ASCII, äöüß, punctuation) is already composed and keeps no marks: only the umlauts change.
  if (!NEEDS_UNICODE.test(lower)) return lower.replace(/[äöüß]/g, (c) => FOLDS[c]);
  const out = lower.normalize('NFC').replace(/[äöüß]/g, (c) => FOLDS[c]);
  // Remaining diacritics (é, č, …) lose their marks; names from other languages still match plain input.
  // Text whose only non-ASCII characters are punctuation, symbols or currency („“ – € …) has none to lose:
  // the index build folds every passage, so it skips the decomposition then (no character there decomposes).
  return MAY_DECOMPOSE.test(out) ? out.normalize('NFD').replace(/[\u0300-\u036f]/g, '') : out;
}

/** ASCII, Latin-1 punctuation/symbols, general punctuation (without the two quads, which NFD maps) and currency signs. */
const PLAIN = '\\u0020-\\u007f\\t\\n\\r\\u00a0-\\u00bf\\u00d7\\u00f7\\u2002-\\u206f\\u20a0-\\u20cf';
/** A character outside PLAIN: only then can NFD remove a mark. */
const MAY_DECOMPOSE = new RegExp(`[^${PLAIN}]`);
/** A character outside PLAIN and äöüß: text without one is unchanged by NFC and by NFD. */
const NEEDS_UNICODE = new RegExp(`[^${PLAIN}äöüß]`);

/** Splits folded text into word tokens; keeps numbers and number-letter tokens such as "4a". */
export function words(text: string): string[] {
  const folded = fold(text);
  const tokens = folded.match(/[a-z0-9]+/g) ?? [];
  // Single letters carry no meaning; single digits do ("3 Monate", "Abs. 4").
  return tokens.filter((t) => t.length >= 2 || (t >= '0' && t <= '9'));
}

const SUFFIXES = ['ern', 'ers', 'em', 'er', 'en', 'es', 'e', 's', 'n'];
const MIN_STEM = 4;

/**
 * English verb forms the German stemmer cannot undo, to their base form: "took" and "take" must meet, since
 * English written as a second language uses the base form ("the agency take my passport", "who pay"). Only
 * forms that are no German word ("Held", "Sold", "Lied", "Made" stay out).
 */
const ENGLISH_BASE_FORMS: Record<string, string> = Object.fromEntries(
  (
    'took:take taken:take kept:keep paid:pay pays:pay told:tell brought:bring bought:buy caught:catch thought:think ' +
    'found:find stole:steal stolen:steal fled:flee hid:hide hidden:hide drove:drive driven:drive wrote:write written:write ' +
    'spoke:speak spoken:speak slept:sleep understood:understand forgot:forget forgotten:forget began:begin begun:begin ' +
    'gave:give given:give got:get gotten:get came:come went:go left:leave knew:know known:know beaten:beat broke:break ' +
    'broken:break saw:see seen:see withheld:withhold taught:teach fought:fight sent:send spent:spend felt:feel meant:mean ' +
    'forced:force exploited:exploit locked:lock threatened:threaten abused:abuse trafficked:traffic deported:deport ' +
    'arrested:arrest escaped:escape cheated:cheat promised:promise controlled:control confiscated:confiscate ' +
    'recruited:recruit raped:rape injured:injure worked:work helped:help stayed:stay returned:return reported:report ' +
    'supported:support texted:text called:call lived:live moved:move married:marry owed:owe hurts:hurt'
  )
    .split(' ')
    .map((pair) => pair.split(':')),
);

/** A light German stemmer: strips one inflection suffix, never below four letters. */
export function stem(token: string): string {
  const base = ENGLISH_BASE_FORMS[token];
  if (base !== undefined) return stem(base);
  if (/[0-9]/.test(token) || token.length <= MIN_STEM) return token;
  // -nis words keep their s in every form ("Erlaubnis", "Erlaubnisse" → "erlaubnis"): no stripped s in one, ss in the other.
  const nis = /niss(e|en|es)?$|nis$/.exec(token);
  if (nis) return token.slice(0, nis.index) + 'nis';
  for (const suffix of SUFFIXES) {
    if (token.endsWith(suffix) && token.length - suffix.length >= MIN_STEM) {
      return token.slice(0, -suffix.length);
    }
  }
  return token;
}

/** Folds text for containment checks that ignore case, umlaut spelling and spacing. */
export function foldForMatch(text: string): string {
  return fold(text).replace(/\s+/g, ' ');
}
