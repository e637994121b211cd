import { loadDirectory, phonesOf } from '../../dialogs/directory';
import { findPlace, loadQueryVocabulary } from '../../dialogs/directoryQuery';
import { loadTexts } from '../../dialogs/texts';
import { BUNDESLAENDER } from '../../knowledge/sourceSchema';
import { buildTestApp, cardOf, cardText, inject, message, replies } from '../helpers/app';
import { phoneNumbersIn } from '../helpers/phones';

const app = buildTestApp();
const directory = loadDirectory();
const lands = loadQueryVocabulary().lands;
const texts = loadTexts();
let conv = 0;

async function ask(text: string) {
  const reply = replies(await inject(app, message(text, { conversation: { id: `directory-${++conv}` } })));
  expect(reply).toHaveLength(1);
  return cardOf(reply[0]);
}

async function press(data: Record<string, unknown>) {
  const reply = replies(await inject(app, message(undefined, { conversation: { id: `directory-${++conv}` }, value: data })));
  return cardOf(reply[0]);
}

/** The entry names a card shows in bold, in order. */
const namesIn = (card: any): string[] =>
  card.body
    .filter((e: any) => e.type === 'Container')
    .map((e: any) => e.items?.[0]?.text)
    .filter((t: unknown): t is string => typeof t === 'string');

const entriesOf = (land: string) => directory.entries.filter((e) => e.land === land);
const plainName = (s: string) => s.replace(/\\/g, '');

describe('contact questions through the bot get the directory card', () => {
  it.each(BUNDESLAENDER.map((code) => [code, lands.find((l) => l.code === code)!.de]))(
    '%s: both phrasings name entries of %s with source and Stand',
    async (code, name) => {
      for (const question of [
        `Welche Fachberatungsstelle für Betroffene von Menschenhandel gibt es in ${name}?`,
        `beratungsstelle menschenhandel ${name.toLowerCase()} kontakt`,
      ]) {
        const card = await ask(question);
        const text = cardText(card);
        expect(text).toContain(name);
        const shown = namesIn(card).map(plainName);
        const ofLand = entriesOf(code).filter((e) => shown.some((s) => e.name.startsWith(s)));
        expect(ofLand.length).toBeGreaterThanOrEqual(1);
        // Specialised centres first.
        expect(entriesOf(code).find((e) => e.name.startsWith(shown[0]))?.kind).toBe('fachberatungsstelle');
        expect(text).toMatch(/Quelle: \[[^\]]+\]\(https?:[^)]+\) · Stand: (\d\d\.\d\d\.\d{4}|\d\d\/\d{4}|\d{4}|ohne Datum)/);
        // Nationwide services follow.
        expect(text).toContain('KOK Online-Anlaufstelle');
      }
    },
  );

  it('names bekom thüringen for Thüringen and never sends users to a neighbouring Land', async () => {
    const text = cardText(await ask('Welche Fachberatungsstelle gibt es in Thüringen?'));
    expect(text).toContain('bekom thüringen');
    expect(text).toContain('[bekom-thueringen.de](https://www.bekom-thueringen.de)');
    expect(text).toContain('[0157 50452769](tel:+4915750452769)');
    expect(text).not.toMatch(/Nachbarland/);
  });

  it('marks M entries and old or undated entries "vor Nutzung prüfen", and current H entries not', async () => {
    const card = await ask('Welche Fachberatungsstelle gibt es in Hamburg?');
    const blocks = card.body.filter((e: any) => e.type === 'Container').map((e: any) => cardText({ body: [e] }));
    const block = (start: string) => blocks.find((b: string) => b.startsWith(start))!;
    expect(block('Landeskriminalamt Hamburg')).toMatch(/vor Nutzung prüfen \(Angaben älter als 18 Monate; nur aus Sekundärquellen\)/);
    expect(block('Servicestelle Arbeitnehmerfreizügigkeit')).toMatch(/vor Nutzung prüfen/);
    expect(block('Faire Mobilität – Beratungsnetzwerk')).not.toMatch(/prüfen/);
    expect(block('KOOFRA')).toContain('[+49-(0)40–67999757](tel:+494067999757)');
  });

  it('filters by what the question says: men and labour exploitation in NRW', async () => {
    const card = await ask('Wer hilft Männern bei Arbeitsausbeutung in NRW?');
    const text = cardText(card);
    expect(text).toContain('Passend zu Ihrer Frage: Arbeitsausbeutung, Männer.');
    const shown = namesIn(card).map(plainName);
    expect(shown).toContain('Faire Mobilität – Beratungsstandort Dortmund');
    expect(shown).not.toContain('Nachtfalter – Fach- und Beratungsstelle für Mädchen und Frauen, die von Menschenhandel betroffen sind');
    // The women's helpline is not offered to men.
    expect(text).not.toContain('116 016');
  });

  it('puts the named city first: "beratungsstelle menschenhandel münchen"', async () => {
    const card = await ask('beratungsstelle menschenhandel münchen');
    expect(cardText(card)).toContain('Fachberatungsstellen und Kontakte in Bayern (zuerst München)');
    expect(plainName(namesIn(card)[0])).toBe('JADWIGA München – Fachberatungsstelle für Betroffene von Menschenhandel und Zwangsheirat');
  });

  it('says where to look for minors and for the police where the directory has a gap', async () => {
    const text = cardText(await ask('Ansprechpartner Kinderhandel Bayern'));
    expect(text).toContain('Passend zu Ihrer Frage: Minderjährige.');
    expect(text).toMatch(/nur für Berlin erfasst\. Für Bayern: Ansprechpersonen auf bkk\.ecpat\.de/);
    expect(text).toMatch(/Für Bayern ist im Verzeichnis keine Ansprechstelle der Polizei \(LKA\) erfasst/);
    expect(text).toContain('[bkk.ecpat.de](https://bkk.ecpat.de)');
    for (const land of ['Rheinland-Pfalz', 'Thüringen'])
      expect(cardText(await ask(`Polizei Ansprechpartner Menschenhandel ${land}`))).toMatch(/keine Ansprechstelle der Polizei/);
  });

  it('reads a Land typed with a slip ("Berin", "Nordrhein-Westfahlen"), never an ordinary word next to a name ("Sachen")', async () => {
    expect(cardText(await ask('Fachberatungsstelle Menschenhandel in Berin?'))).toContain('Fachberatungsstellen und Kontakte in Berlin');
    expect(cardText(await ask('Welche Fachberatungsstelle gibt es in Nordrhein-Westfahlen?'))).toContain(
      'Fachberatungsstellen und Kontakte in Nordrhein-Westfalen',
    );
    expect(cardText(await ask('Fachberatungsstelle in Thüringn?'))).toContain('Fachberatungsstellen und Kontakte in Thüringen');
    // A place typed without its umlauts, as on a keyboard without them: "munchen", "thuringen", "dusseldorf".
    const typed = await ask('beratungstelle menschenhandel munchen telefonnumer');
    expect(cardText(typed)).toContain('Fachberatungsstellen und Kontakte in Bayern (zuerst München)');
    expect(cardText(await ask('fachberatung thuringen'))).toContain('Fachberatungsstellen und Kontakte in Thüringen');
    // A city typed with a slip, as a Land is: "münchn"; a short city name never ("essn" is no Essen).
    expect(cardText(await ask('beratungstelle menschenhandl münchn telefonnumer'))).toContain(
      'Fachberatungsstellen und Kontakte in Bayern (zuerst München)',
    );
    expect(cardText(await ask('Wo kann sie was zu essn kriegen, wen ruf ich an?'))).not.toContain('Kontakte in Nordrhein-Westfalen');
    expect(cardText(await ask('wo gibt es hilfe in dusseldorf'))).toContain('Fachberatungsstellen und Kontakte in Nordrhein-Westfalen');
    // Caseworkers' shorthand for a Fachberatungsstelle asks for contacts too.
    expect(cardText(await ask('FBS Hamburg Loverboy'))).toContain('Fachberatungsstellen und Kontakte in Hamburg');
    // The everyday slips of the asking words themselves (directoryQuery.yaml): a missing Fugen-s, "ruf" for "rufe".
    expect(cardText(await ask('Beratungstelle in Hamburg?'))).toContain('Fachberatungsstellen und Kontakte in Hamburg');
    expect(cardText(await ask('wen ruf ich an in Köln'))).toContain('Fachberatungsstellen und Kontakte in Nordrhein-Westfalen');
    // With a Land named, asking whom or who advises is enough, whatever stands between the words.
    expect(cardText(await ask('Wen rufe ich hier in Sachsen-Anhalt an?'))).toContain('Fachberatungsstellen und Kontakte in Sachsen-Anhalt');
    expect(cardText(await ask('Wer berät in Berlin?'))).toContain('Fachberatungsstellen und Kontakte in Berlin');
    // The asking counts in the question, the place anywhere: a story that mentions a Beratungsstelle asks no contact.
    const story =
      'Ein Mann aus Rumänien, ausgebeutet in Köln, ist jetzt in einer Beratungsstelle angebunden. Hat er Anspruch auf Bürgergeld?';
    expect(cardText(await ask(story))).not.toContain('Fachberatungsstellen und Kontakte in Nordrhein-Westfalen');
    expect(cardText(await ask('Ich arbeite in Köln. An wen kann ich mich wenden?'))).toContain(
      'Fachberatungsstellen und Kontakte in Nordrhein-Westfalen',
    );
    const vocab = loadQueryVocabulary();
    expect(findPlace('Welche Sachen braucht sie für die Beratung?', vocab).land).toBeUndefined();
    expect(findPlace('Die Bauern zahlen keinen Lohn', vocab).land).toBeUndefined();
    expect(findPlace('Bremer Beratungsstelle', vocab).land).toBe('HB');
  });

  it('answers an English question in English with the same entries', async () => {
    const en = await ask('Is there a counselling centre in Berlin?');
    const de = await ask('Welche Fachberatungsstelle gibt es in Berlin?');
    expect(en.lang).toBe('en');
    expect(cardText(en)).toContain('Counselling centres and contacts in Berlin');
    expect(cardText(en)).toMatch(/Source: \[.+\]\(.+\) · Date: /);
    expect(cardText(en)).toContain(texts.en.directory.nationwideTitle);
    expect(namesIn(en)).toEqual(namesIn(de));
  });

  it('asks for the Land with the 16 Länder as buttons when the sources answer nothing, and a button shows that Land', async () => {
    const card = await ask('Welche Beratungsstelle hilft Arbeitnehmern bei der Steuererklärung?');
    expect(cardText(card)).toContain(texts.de.directory.askLand);
    const buttons = card.body.filter((e: any) => e.type === 'ActionSet').flatMap((e: any) => e.actions);
    expect(buttons.map((b: any) => b.data.land)).toEqual([...BUNDESLAENDER]);
    expect(buttons.every((b: any) => b.data.verb === 'directory' && b.data.filters === 'labour')).toBe(true);
    const saxony = await press(buttons.find((b: any) => b.data.land === 'SN').data);
    expect(cardText(saxony)).toContain('Fachberatungsstellen und Kontakte in Sachsen');
    expect(cardText(saxony)).toMatch(/keine Beratungsstelle speziell bei Arbeitsausbeutung erfasst/);
    // Untrusted button values never crash: an unknown Land code leads back to the Land question.
    expect(cardText(await press({ verb: 'directory', land: 'XX', filters: '<script>' }))).toContain(texts.de.directory.askLand);
  });

  it('a contact question without a Land that the sources answer with alternatives keeps the answer, with the Land below it', async () => {
    const card = await ask('Welche Beratungsstelle hilft bei Arbeitsausbeutung auf dem Jahrmarkt?');
    expect(cardText(card)).toContain(texts.de.uncertainIntro);
    expect(cardText(card)).toContain(texts.de.alternativesLabel);
    expect(cardText(card)).toContain('Servicestelle gegen Arbeitsausbeutung');
    const landChoice = card.body.flatMap((e: any) => e.items ?? []).find((e: any) => e.type === 'Input.ChoiceSet' && e.id === 'land');
    expect(landChoice.choices.map((c: any) => c.value)).toEqual([...BUNDESLAENDER]);
    const find = card.actions.find((a: any) => a.data?.verb === 'directory');
    expect(find.data.filters).toBe('labour');
    const saxony = await press({ ...find.data, land: 'SN' });
    expect(cardText(saxony)).toContain('Fachberatungsstellen und Kontakte in Sachsen');
  });

  it('a contact question without a Land that the sources answer clearly: the answer, and below it the Land to pick', async () => {
    const card = await ask('Wo finde ich eine Beratungsstelle?');
    expect(cardText(card)).toContain(texts.de.answerTitle);
    expect(cardText(card)).toMatch(/Quelle:/);
    const landChoice = card.body.flatMap((e: any) => e.items ?? []).find((e: any) => e.type === 'Input.ChoiceSet' && e.id === 'land');
    expect(landChoice.choices.map((c: any) => c.value)).toEqual([...BUNDESLAENDER]);
    const find = card.actions.find((a: any) => a.data?.verb === 'directory');
    expect(find.title).toBe(texts.de.directory.btnFind);
    // The channel sends the chosen Land with the button's data.
    const hamburg = await press({ ...find.data, land: 'HH' });
    expect(cardText(hamburg)).toContain('Fachberatungsstellen und Kontakte in Hamburg');
    // No Land chosen: the Land question, not an error.
    expect(cardText(await press(find.data))).toContain(texts.de.directory.askLand);
  });

  it('leaves knowledge questions about Fachberatungsstellen to the search', async () => {
    const reply = replies(await inject(app, message('Was macht eine Fachberatungsstelle?')));
    expect(cardText(cardOf(reply[0]))).not.toContain(texts.de.directory.askLand);
    expect(cardText(cardOf(reply[0]))).not.toContain('Fachberatungsstellen und Kontakte in');
  });

  it('finds entries by organisation name in the search: KOOFRA, JADWIGA, Nachtfalter', async () => {
    for (const [name, land] of [
      ['KOOFRA', 'Hamburg'],
      ['JADWIGA', 'Bayern'],
      ['Nachtfalter', 'Nordrhein-Westfalen'],
    ]) {
      const text = cardText(await ask(name));
      expect(text).toContain(`Verzeichnis: Fachberatungsstellen und Kontakte – ${land}`);
      expect(text).toContain(name);
    }
  });

  it('offers a person to ask where Lotse has no answer, and in the help', async () => {
    const none = await ask('Quantenchromodynamik Gitterrechnung');
    expect(cardText(none)).toContain(texts.de.directory.askPersonTitle);
    expect(cardText(none)).toMatch(/Online-Anlaufstelle des KOK e\.V\. \(Chat und E-Mail, auf Deutsch und Englisch\)/);
    expect(none.actions.some((a: any) => a.data?.verb === 'directory')).toBe(true);
    const help = await ask('hilfe');
    expect(cardText(help)).toContain(texts.de.directory.askPerson);
    const find = help.actions.find((a: any) => a.data?.verb === 'directory');
    expect(cardText(await press(find.data))).toContain(texts.de.directory.askLand);
  });

  it('shows only phone numbers from the directory or the checked facts, for every Land and filter', async () => {
    const allowed = new Set([...directory.entries.flatMap(phonesOf).map((p) => p.national), '110', '116016']);
    const filters = ['', 'labour', 'minors', 'men', 'women', 'police', 'labour,men'];
    for (const code of BUNDESLAENDER) {
      for (const filter of filters) {
        const card = await press({ verb: 'directory', land: code, filters: filter, lang: 'de' });
        for (const n of phoneNumbersIn(JSON.stringify(card))) expect([code, filter, n, allowed.has(n)]).toEqual([code, filter, n, true]);
      }
    }
    // Every number a card shows as a tel: link is also in the directory.
    const card = await press({ verb: 'directory', land: 'HH', lang: 'en' });
    const tels = [...JSON.stringify(card).matchAll(/tel:(\+?\d+)/g)].map((m) => m[1]);
    expect(tels.length).toBeGreaterThanOrEqual(5);
  });
});
