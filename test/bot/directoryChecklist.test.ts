import { loadDialogContent } from '../../dialogs/content';
import { phonesOf } from '../../dialogs/directory';
import type { Facts } from '../../dialogs/schema';
import { BUNDESLAENDER } from '../../knowledge/sourceSchema';
import { buildTestApp, cardOf, cardText, inject, message, replies } from '../helpers/app';
import { phoneNumbersIn } from '../helpers/phones';

const defs = loadDialogContent();
const app = buildTestApp();
let conv = 0;

/** Numbers a reply may show: the directory's, the police 110 and the Hilfetelefon 116 016 (facts.md, H). */
const ALLOWED = new Set([
  ...defs.directory.entries.flatMap(phonesOf).map((p) => p.national),
  '110',
  '116016',
  // facts.md (M): the former Hilfetelefon number, named only as the number that may no longer work.
  '08000116016',
]);

function conversation() {
  const id = `directory-checklist-${++conv}`;
  const say = async (text: string) => replies(await inject(app, message(text, { conversation: { id } })));
  const press = async (data: Record<string, unknown>) =>
    replies(await inject(app, message(undefined, { conversation: { id }, value: data })));
  return { say, press };
}

function button(card: any, match: Record<string, string>): Record<string, unknown> {
  const all = [...(card.actions ?? []), ...(card.body ?? []).flatMap((e: any) => (e.type === 'ActionSet' ? e.actions : []))];
  const found = all.find((a: any) => Object.entries(match).every(([k, v]) => a.data?.[k] === v));
  if (!found) throw new Error(`no button ${JSON.stringify(match)}`);
  return found.data;
}

/** Answers the case facts by buttons, walks the Kontakte checklist, then asks for Notfall and the summary. */
async function walkContacts(facts: Required<Facts>) {
  const c = conversation();
  let [reply] = await c.say('Erste Schritte');
  for (const def of defs.facts) [reply] = await c.press(button(cardOf(reply), { action: 'fact', key: def.key, value: facts[def.key] }));
  [reply] = await c.press(button(cardOf(reply), { action: 'open', checklistId: 'kontakte' }));
  const steps: any[] = [];
  while (/Schritt \d+ von/.test(cardText(cardOf(reply)))) {
    steps.push(cardOf(reply));
    [reply] = await c.press(button(cardOf(reply), { action: 'done' }));
  }
  const [emergency] = await c.say('Notfall');
  const [summary, copy] = await c.say('Zusammenfassung');
  return {
    steps,
    stepsText: steps.map(cardText).join('\n'),
    emergency: cardOf(emergency),
    summary: cardOf(summary),
    copy: copy.text ?? '',
  };
}

async function printPage(facts: Facts): Promise<string> {
  const { server } = app;
  if (!server.server.listening) await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  const query = Object.entries(facts)
    .map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`)
    .join('&');
  const res = await fetch(`http://127.0.0.1:${port}/checkliste?${query}`);
  expect(res.status).toBe(200);
  return res.text();
}

afterAll(async () => {
  await new Promise<void>((r) => (app.server.server.listening ? app.server.close(() => r()) : r()));
});

const MINOR_BY: Required<Facts> = { danger: 'no', land: 'BY', age: 'u18', citizenship: 'unknown', exploitation: 'unclear' };
const LABOUR_NW: Required<Facts> = { danger: 'no', land: 'NW', age: '21plus', citizenship: 'eu', exploitation: 'labour' };
const WOMAN_HH: Required<Facts> = { danger: 'no', land: 'HH', age: '21plus', citizenship: 'non-eu', exploitation: 'sexual' };

describe('the Kontakte checklist, Notfall, summary and print page use the directory', () => {
  it('a minor in Bayern: the Land entries open to minors, bkk.ecpat.de and the Jugendamt; the HELPline in the Notfall card', async () => {
    const walk = await walkContacts(MINOR_BY);
    expect(walk.stepsText).toContain('Bavarian Anti-Trafficking HELPline');
    expect(walk.stepsText).toContain('[0800 9876548](tel:+498009876548)');
    expect(walk.stepsText).toMatch(/Quelle: \[bayern\.de\]\([^)]+\) · Stand: 22\.12\.2025/);
    // Women's centres are not offered for a minor.
    expect(walk.stepsText).not.toContain('JADWIGA');
    expect(walk.stepsText).toMatch(/Jugendamt/);
    expect(walk.stepsText).toContain('bkk.ecpat.de');
    expect(cardText(walk.emergency)).toContain('Bavarian Anti-Trafficking HELPline');
    expect(cardText(walk.emergency)).toContain('Mo–Fr 9–15 Uhr');
    expect(cardText(walk.emergency)).toMatch(/110/);
    expect(cardText(walk.summary)).toContain('Bavarian Anti-Trafficking HELPline');
    expect(walk.copy).toMatch(
      /Bavarian Anti-Trafficking HELPline \(München\) – Telefon 0800 9876548.* – Quelle: bayern\.de · Stand: 22\.12\.2025/,
    );
  });

  it('a man in labour exploitation in NRW: Faire Mobilität and the Servicestelle, not the centres for sexual exploitation', async () => {
    const walk = await walkContacts(LABOUR_NW);
    expect(walk.stepsText).toContain('Faire Mobilität – Beratungsstandort Dortmund');
    expect(walk.stepsText).toContain('Servicestelle gegen Arbeitsausbeutung, Zwangsarbeit und Menschenhandel');
    expect(walk.stepsText).toMatch(/Finanzkontrolle Schwarzarbeit/);
    expect(walk.stepsText).not.toContain('Nachtfalter');
    expect(walk.stepsText).not.toContain('Dortmunder Mitternachtsmission');
    expect(walk.stepsText).toMatch(/vor Nutzung prüfen/);
    expect(cardText(walk.summary)).toContain('Faire Mobilität – Beratungsstandort Dortmund');
    const html = await printPage(LABOUR_NW);
    expect(html).toContain(
      'Faire Mobilität – Beratungsstandort Dortmund (Dortmund) – https://www.faire-mobilitaet.de – Quelle: faire-mobilitaet.de · Stand: 01.11.2025',
    );
    expect(html).not.toContain('Nachtfalter');
  });

  it('a woman in Hamburg: KOOFRA with its phone as a tel: link; no Land line in the Notfall card', async () => {
    const walk = await walkContacts(WOMAN_HH);
    expect(walk.stepsText).toContain('KOOFRA – Koordinierungsstelle gegen Frauenhandel e.V.');
    expect(walk.stepsText).toContain('[+49-(0)40–67999757](tel:+494067999757)');
    expect(cardText(walk.summary)).toContain('KOOFRA');
    expect(cardText(walk.emergency)).not.toContain('HELPline');
    const html = await printPage(WOMAN_HH);
    expect(html).toContain('KOOFRA – Koordinierungsstelle gegen Frauenhandel e.V. (Hamburg) – Telefon +49-(0)40–67999757');
  });

  it('Thüringen: bekom thüringen instead of a neighbouring Land; Bielefeld without its 1999 number', async () => {
    const th = await walkContacts({ ...WOMAN_HH, land: 'TH' });
    expect(th.stepsText).toContain('bekom thüringen');
    const nw = await printPage({ ...WOMAN_HH, land: 'NW' });
    expect(nw).toContain('Bielefeld');
    expect(phoneNumbersIn(nw)).not.toContain('0521512018');
  });

  it('shows no phone number outside the directory and the checked facts in any contact path', async () => {
    expect(phoneNumbersIn('Tel. 0521/51-2018 · [x](tel:+4930123456) · Stand 07/2025 · 14.01.2026 · 110')).toEqual([
      '030123456',
      '0521512018',
      '110',
    ]);
    const forms = ['sexual', 'labour', 'other', 'unclear'] as const;
    const ages = ['u18', '18-20', '21plus'] as const;
    const scanned: string[] = [];
    // Collected and asserted once: thousands of single expect() calls cost seconds and say no more.
    const unknown: string[] = [];
    const check = (where: string, text: string) => {
      for (const n of phoneNumbersIn(text)) if (!ALLOWED.has(n)) unknown.push(`${where}: ${n}`);
      scanned.push(where);
    };
    for (const [i, land] of BUNDESLAENDER.entries()) {
      const facts: Required<Facts> = {
        danger: i % 5 === 0 ? 'yes' : 'no',
        land,
        age: ages[i % 3],
        citizenship: 'non-eu',
        exploitation: forms[i % 4],
      };
      const walk = await walkContacts(facts);
      walk.steps.forEach((s, k) => check(`${land} Kontakte ${k + 1}`, JSON.stringify(s)));
      check(`${land} Notfall`, JSON.stringify(walk.emergency));
      check(`${land} Zusammenfassung`, JSON.stringify(walk.summary) + walk.copy);
      for (const exploitation of forms)
        for (const age of ages) check(`${land} ${exploitation} ${age} Druckseite`, await printPage({ ...facts, exploitation, age }));
    }
    expect(unknown).toEqual([]);
    expect(scanned.length).toBeGreaterThan(16 * 15);
  });
});
