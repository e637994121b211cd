import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { amendmentsPath } from '../../dialogs/amendments';
import { stepPassageId } from '../../dialogs/checklistPassages';
import { loadDialogContent } from '../../dialogs/content';
import { stepNorms } from '../../dialogs/lawChanges';
import { buildTestApp, cardOf, cardText, inject, message, replies } from '../helpers/app';

const app = buildTestApp();
const content = loadDialogContent();

async function answerText(question: string, target = app) {
  const [reply] = replies(await inject(target, message(question)));
  return cardText(cardOf(reply));
}

async function passageText(passageId: string, target = app) {
  const [reply] = replies(await inject(target, message(undefined, { value: { verb: 'showPassage', passageId } })));
  return cardText(cardOf(reply));
}

describe('law changes shown through the bot', () => {
  it('a Bedenkfrist answer carries the GEAS note with law, date of entry into force and promulgation', async () => {
    const text = await answerText('Wie lange dauert die Bedenkfrist?');
    expect(text).toMatch(/mindestens drei Monaten/);
    expect(text).toMatch(
      /Gesetzestext geprüft mit Stand 29\.04\.2026\. Seit 12\.06\.2026 gelten Änderungen des AufenthG durch das GEAS-Anpassungsgesetz \(BGBl\. 2026 I Nr\. 111\)/,
    );
    expect(text).toMatch(/§ 59 Abs\. 7 .*AufenthG betreffen, ist hier noch nicht geprüft/);
  });

  it('the note appears in a running bot on the day the change comes into force (notes are remembered per day only)', async () => {
    let now = new Date('2026-06-11T23:30:00Z');
    const running = buildTestApp({}, { now: () => now });
    const geas = /Seit 12\.06\.2026 gelten Änderungen des AufenthG/;
    expect(await answerText('Wie lange dauert die Bedenkfrist?', running)).not.toMatch(geas);
    expect(await answerText('Wie lange dauert die Bedenkfrist?', running)).not.toMatch(geas);
    now = new Date('2026-06-12T00:30:00Z');
    expect(await answerText('Wie lange dauert die Bedenkfrist?', running)).toMatch(geas);
  });

  it('an EU free-movement answer carries no law-change note', async () => {
    const text = await answerText('Brauchen EU-Bürger einen Aufenthaltstitel?');
    expect(text).toMatch(/§ 2a Abs\. 1 S\. 2 FreizügG\/EU/);
    expect(text).not.toMatch(/BGBl|GEAS|Änderungen des/);
  });

  it('answers in English with the English note', async () => {
    const [reply] = replies(
      await inject(
        app,
        message(undefined, { value: { verb: 'showPassage', passageId: stepPassageId('aufenthalt', 'bedenkfrist'), lang: 'en' } }),
      ),
    );
    expect(cardText(cardOf(reply))).toMatch(
      /Since 2026-06-12, amendments to the AufenthG by the CEAS adaptation act \(BGBl\. 2026 I Nr\. 111\) apply/,
    );
  });

  it('the Traumaambulanz answer counts 12 months from the offence or from learning of it', async () => {
    const text = await answerText('Bis wann muss die erste Sitzung in der Traumaambulanz sein?');
    expect(text).toMatch(/12 Monaten nach der Tat oder nach dem Zeitpunkt[^.]*Kenntnis/);
    expect(text).toMatch(/§ 33 SGB XIV/);
  });

  it('a pre-2024 offence answer says exploitation continuing into 2024 falls under SGB XIV', async () => {
    const text = await answerText('Tat vor 2024 Opferentschädigung');
    expect(text).toMatch(/bis in das Jahr 2024 hinein/);
    expect(text).toMatch(/§ 138 Abs\. 1 S\. 2 SGB XIV/);
  });

  it('names bekom thüringen for Thüringen and no longer sends users to a neighbouring Land', async () => {
    const text = await answerText('Gibt es in Thüringen eine Fachberatungsstelle?');
    expect(text).toMatch(/bekom thüringen/);
    expect(text).not.toMatch(/Nachbarland/);
  });

  it('corrects the old source that says Thüringen has no Fachberatungsstelle', async () => {
    const text = await answerText('Warum gibt es in Thüringen kein Kooperationskonzept?');
    expect(text).toMatch(/da es auch keine Fachberatungsstelle/);
    expect(text).toMatch(/Berichtigung[^\n]*seit März 2021[^\n]*bekom\s+thüringen/);
  });

  it('a source passage naming the OEG carries the generated OEG → SGB XIV note', async () => {
    const text = await answerText('Opferentschädigungsgesetz Landesversorgungsämter Erlass');
    expect(text).toMatch(/Landesversorgungsämter/);
    expect(text).toMatch(/Seit 01\.01\.2024 gilt statt des OEG das SGB XIV/);
    expect(text).toMatch(/§ 138 Abs\. 1 S\. 2 SGB XIV/);
  });
});

describe('the amendment file drives the notes', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lotse-amendments-'));
  const file = path.join(dir, 'amendments.yaml');
  // A made-up change for the test only: no real promulgation.
  const entry = `
  - id: test-sgb-xiv
    kind: amendment
    law: SGB XIV
    name: { de: ein Testgesetz, en: a test act }
    inForce: "2026-10-01"
    promulgation: BGBl. 2026 I Nr. 999
    norms: unknown
`;
  fs.writeFileSync(file, fs.readFileSync(amendmentsPath, 'utf8').trimEnd() + '\n' + entry);
  const amended = buildTestApp({}, { amendmentsFile: file });
  const steps = content.checklists.flatMap((c) => c.steps.map((s) => ({ checklist: c.id, step: s })));
  const citing = steps.filter(({ step }) => stepNorms(step, content.lawChanges).some((n) => n.law === 'SGB XIV'));
  const others = steps.filter((s) => !citing.includes(s));

  it('an added entry puts the note on every step citing that law, and on no other step', async () => {
    expect(citing.length).toBeGreaterThan(5);
    for (const { checklist, step } of citing)
      expect(await passageText(stepPassageId(checklist, step.id), amended)).toMatch(
        /Änderungen des SGB XIV durch ein Testgesetz \(BGBl\. 2026 I Nr\. 999\)/,
      );
    for (const { checklist, step } of others)
      expect(await passageText(stepPassageId(checklist, step.id), amended)).not.toMatch(/Testgesetz/);
  });

  it('without the entry the same steps show no such note', async () => {
    for (const { checklist, step } of citing)
      expect(await passageText(stepPassageId(checklist, step.id))).not.toMatch(/Änderungen des SGB XIV/);
  });

  it('shows the note on the step card of a checklist walk too', async () => {
    const id = 'law-change-walk';
    const press = async (target: typeof app, data: Record<string, unknown>) =>
      replies(await inject(target, message(undefined, { conversation: { id: `${id}-${target === app ? 'a' : 'b'}` }, value: data })))[0];
    for (const target of [amended, app]) {
      await inject(target, message('Erste Schritte', { conversation: { id: `${id}-${target === app ? 'a' : 'b'}` } }));
      for (const [key, value] of Object.entries({ danger: 'no', land: 'BE', age: '21plus', citizenship: 'eu', exploitation: 'labour' }))
        await press(target, { verb: 'checklist', action: 'fact', key, value });
      const card = cardText(cardOf(await press(target, { verb: 'checklist', action: 'open', checklistId: 'entschaedigung' })));
      expect(card).toMatch(/Anspruch nach dem SGB XIV/);
      if (target === amended)
        expect(card).toMatch(/Gesetzestext geprüft mit Stand 29\.04\.2026\. Seit 01\.10\.2026 gelten Änderungen des SGB XIV/);
      else expect(card).not.toMatch(/Änderungen des SGB XIV/);
    }
  });
});

describe('content files', () => {
  it('contain no blanket GEAS caution any more', () => {
    const dirs = [path.join(__dirname, '../../dialogs'), path.join(__dirname, '../../knowledge/lexicon')];
    const files = [
      ...dirs.flatMap((d) => fs.readdirSync(d, { recursive: true }).map((f) => path.join(d, String(f)))),
      path.join(__dirname, '../../knowledge/contacts.yaml'),
    ].filter((f) => /\.ya?ml$/.test(f) && fs.existsSync(f));
    expect(files.length).toBeGreaterThan(8);
    for (const f of files) expect(fs.readFileSync(f, 'utf8')).not.toMatch(/GEAS-Reform ab 12\.06\.2026|Änderungen durch die GEAS-Reform/);
  });
});
