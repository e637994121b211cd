import fs from 'node:fs';
import { parseYaml } from '../../knowledge/yamlFile';
import { checkReasons, loadDirectory } from '../../dialogs/directory';
import { parsePhones } from '../../dialogs/phone';
import { loadQueryVocabulary } from '../../dialogs/directoryQuery';
import { lookupDirectory } from '../../dialogs/directorySearch';
import { BUNDESLAENDER } from '../../knowledge/sourceSchema';
import { directoryVariant as variant } from '../helpers/directoryVariant';

const directory = loadDirectory();
const shared = '/work/shared/domain/directory.yaml';

describe('the directory file', () => {
  it('carries all 86 checked entries with every field of the shared directory unchanged', () => {
    expect(directory.entries).toHaveLength(86);
    if (!fs.existsSync(shared)) return;
    const original = parseYaml(fs.readFileSync(shared, 'utf8')) as Array<Record<string, unknown>>;
    original.forEach((o, i) => {
      for (const [key, value] of Object.entries(o))
        expect([directory.entries[i].id, key, (directory.entries[i] as Record<string, unknown>)[key]]).toEqual([
          directory.entries[i].id,
          key,
          value,
        ]);
    });
  });

  it('has at least one specialised centre in every Land, and DE only for nationwide services', () => {
    for (const land of BUNDESLAENDER)
      expect([land, directory.entries.some((e) => e.land === land && e.kind === 'fachberatungsstelle')]).toEqual([land, true]);
    for (const e of directory.entries) expect(e.land === 'DE').toBe(e.kind === 'bundesweit');
  });

  it('parses every phone number into a tel: form', () => {
    const withPhone = directory.entries.filter((e) => e.phone);
    expect(withPhone.length).toBeGreaterThanOrEqual(10);
    for (const e of withPhone) expect(parsePhones(e.phone!).bad).toBeUndefined();
    expect(parsePhones('+49-(0)40–67999757').numbers[0].dial).toBe('+494067999757');
    expect(parsePhones('116 016').numbers[0].dial).toBe('116016');
    expect(parsePhones("0391 2500 (switchboard; 'Dezernat 41 verlangen')").numbers).toHaveLength(1);
  });

  it('asks to check M entries and old or undated ones before use', () => {
    const now = new Date('2026-12-01T00:00:00Z');
    const byId = (id: string) => directory.byId.get(id)!;
    expect(checkReasons(byId('faire-mobilitaet-erfurt'), now)).toEqual([]);
    expect(checkReasons(byId('bekom-thueringen'), now)).toEqual(['undated']);
    expect(checkReasons(byId('nadeschda'), now)).toEqual(['old']);
    expect(checkReasons(byId('lka-hamburg'), now)).toEqual(['old', 'secondary']);
  });
});

describe('directory validation names file, entry and field', () => {
  it('rejects an entry without a source URL', () => {
    const file = variant((e) => delete e[5].source_url);
    expect(() => loadDirectory(file)).toThrow(
      new RegExp(`${file.replace(/[.\\/]/g, '\\$&')}: entries\\.5 \\(faire-mobilitaet-zentrale\\): source_url: missing`),
    );
    const empty = variant((e) => (e[5].source_url = []));
    expect(() => loadDirectory(empty)).toThrow(/entries\.5 \(faire-mobilitaet-zentrale\): source_url: every entry needs the page/);
  });

  it('rejects an unknown Land code but keeps DE', () => {
    const file = variant((e) => (e[7].land = 'XY'));
    expect(() => loadDirectory(file)).toThrow(/directory\.yaml: entries\.7 \(mira\): land: unknown Land code/);
    expect(directory.entries.filter((e) => e.land === 'DE').length).toBeGreaterThan(0);
  });

  it('rejects a phone number in an unusual format', () => {
    for (const phone of ['12345', '0800-HELP', '+1 555 1234', '030 123 456 789 012 34']) {
      const file = variant((e) => (e[6].phone = phone));
      expect(() => loadDirectory(file)).toThrow(/entries\.6 \(fiz-stuttgart\): phone: unusual phone number format/);
    }
  });

  it('names the entry by its name when the id is missing, and rejects duplicate ids', () => {
    const file = variant((e) => delete e[8].id);
    expect(() => loadDirectory(file)).toThrow(/entries\.8 \(„Mitternachtsmission Heilbronn .*“\): id: missing/);
    const dup = variant((e) => (e[9].id = e[8].id));
    expect(() => loadDirectory(dup)).toThrow(/entries\.9 \(mitternachtsmission-heilbronn\): id: duplicate id/);
  });
});

describe('lookupDirectory, the search for other surfaces (Teams message extension)', () => {
  const vocab = loadQueryVocabulary();

  it('finds a Land by name, city or capital code, organisations by name, and asks for a missing Land', () => {
    const hh = lookupDirectory('Beratungsstelle Hamburg', directory, vocab);
    expect(hh?.kind === 'land' && hh.selection.entries[0].id).toBe('koofra');
    const city = lookupDirectory('Leipzig', directory, vocab);
    expect(city?.kind === 'land' && city.selection.land).toBe('SN');
    const code = lookupDirectory('Arbeitsausbeutung NRW', directory, vocab);
    expect(code?.kind === 'land' && code.selection.filters).toEqual(['labour']);
    const byName = lookupDirectory('jadwiga', directory, vocab);
    expect(byName?.kind === 'names' && byName.entries.map((e) => e.id)).toEqual(['jadwiga-muenchen', 'jadwiga-nuernberg']);
    expect(lookupDirectory('Wo finde ich eine Fachberatungsstelle für Minderjährige?', directory, vocab)).toEqual({
      kind: 'askLand',
      filters: ['minors'],
    });
    expect(lookupDirectory('Marmorkuchen', directory, vocab)).toBeUndefined();
    // English "be" or "by" is no Land code; only capitals count.
    expect(lookupDirectory('who can be contacted by phone', directory, vocab)).toBeUndefined();
  });
});
