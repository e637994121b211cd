import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildKnowledge, sourceFiles } from '../../knowledge/build';
import { parseSource, SourceError } from '../../knowledge/parseSource';

const goodFront = [
  '---',
  'id: test-quelle',
  'title: Testquelle',
  'publisher: Testamt',
  'date: "2024-02-01"',
  'topics: [test]',
  '---',
  '',
  '# Testquelle',
  '',
  'Ein Absatz über Schutzwohnungen und die Fachberatungsstelle in der Stadt.',
].join('\n');

describe('knowledge sources', () => {
  it('every shipped source has valid provenance', () => {
    const files = sourceFiles();
    expect(files.length).toBeGreaterThanOrEqual(5);
    for (const file of files) {
      const { meta } = parseSource(file, fs.readFileSync(file, 'utf8'));
      expect(meta.title.length).toBeGreaterThan(3);
      expect(meta.publisher.length).toBeGreaterThan(1);
      expect(meta.date === null || /^\d{4}-\d{2}-\d{2}$/.test(meta.date)).toBe(true);
      if (meta.date === null) expect(meta.dateNote).toBeTruthy();
    }
  });

  it('keeps the date of StGB NRW-Mitteilung 538/1999', () => {
    const file = sourceFiles().find((f) => f.includes('stgb-nrw-1999'))!;
    expect(parseSource(file, fs.readFileSync(file, 'utf8')).meta.date).toBe('1999-08-20');
  });

  it('has no website boilerplate left in the sources', () => {
    const all = sourceFiles()
      .map((f) => fs.readFileSync(f, 'utf8'))
      .join('\n');
    for (const junk of ['Hauptausschuss 2024', 'Social Media', 'Datenfeeds', 'Pinterest', 'Netiquette']) expect(all).not.toContain(junk);
  });

  it.each([
    ['a missing title', goodFront.replace('title: Testquelle\n', ''), /kaputt\.md: title: missing/],
    ['a bad date', goodFront.replace('"2024-02-01"', '"1. Februar 2024"'), /kaputt\.md: date: expected a date/],
    ['an unknown field', goodFront.replace('topics: [test]', 'topic: [test]'), /kaputt\.md: .*topic/],
    ['a bad Bundesland', goodFront.replace('topics: [test]', 'bundesland: XY'), /kaputt\.md: bundesland/],
    ['no front matter', 'Nur Text ohne Kopf.', /kaputt\.md: missing front matter/],
  ])('rejects %s, naming the file and the field', (_name, raw, message) => {
    expect(() => parseSource('kaputt.md', raw)).toThrow(SourceError);
    expect(() => parseSource('kaputt.md', raw)).toThrow(message);
  });

  it('accepts "unbekannt" as an unknown date', () => {
    expect(parseSource('x.md', goodFront.replace('"2024-02-01"', 'unbekannt')).meta.date).toBeNull();
  });

  it('reads an HTML page: metadata from meta tags, navigation and scripts dropped', () => {
    const html = `<!doctype html><html><head><title>Landeskonzept Musterland</title>
      <meta name="publisher" content="Ministerium Musterland"><meta name="date" content="2025-03-01">
      <meta name="lotse:bundesland" content="HE"></head><body><nav><a href="/">Startseite Menü</a></nav>
      <h1>Landeskonzept</h1><p>Die Koordinierungsstelle &amp; die Fachberatungsstelle arbeiten zusammen.</p>
      <ul><li>Punkt eins</li></ul><script>trackVisitor()</script><footer>Impressum</footer></body></html>`;
    const { meta, blocks } = parseSource('landeskonzept-musterland.html', html);
    expect(meta).toMatchObject({
      id: 'landeskonzept-musterland',
      title: 'Landeskonzept Musterland',
      publisher: 'Ministerium Musterland',
      date: '2025-03-01',
      bundesland: 'HE',
    });
    const text = blocks.map((b) => b.text).join(' ');
    expect(text).toContain('Koordinierungsstelle & die Fachberatungsstelle');
    expect(text).not.toMatch(/Startseite|trackVisitor|Impressum/);
  });

  it('a document dropped into the sources folder is found after rebuilding', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lotse-sources-'));
    fs.writeFileSync(path.join(dir, 'kontakte-musterstadt.txt'), goodFront.replace('Schutzwohnungen', 'Zauberwohnungen'));
    const index = buildKnowledge({ sourceDir: dir });
    expect(index.passages.map((p) => p.text).join(' ')).toContain('Zauberwohnungen');
    fs.writeFileSync(path.join(dir, 'zweite.md'), goodFront);
    expect(() => buildKnowledge({ sourceDir: dir })).toThrow(/zweite\.md: id: "test-quelle" is already used/);
  });
});
