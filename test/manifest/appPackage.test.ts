import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { PNG } from 'pngjs';
import { renderIcons, samePixels } from '../../scripts/icons';
import { buildAppPackage } from '../../scripts/manifest/build';
import { main } from '../../scripts/manifest/cli';
import { EXAMPLE_BOT_ID, fillTemplate, resolveSettings } from '../../scripts/manifest/settings';
import { bundledManifestVersions, formatProblem, validateAppPackage } from '../../scripts/manifest/validate';
import { SEARCH_COMMAND_ID, SEARCH_PARAMETER } from '../../src/channels/messageExtension';

// @microsoft/app-manifest requires strip-bom 5, which is ESM only. Node (>= 20.19) loads it with require(); jest's own
// CommonJS loader cannot, so the tests give the package a CommonJS stand-in that does the same.
jest.mock(require.resolve('strip-bom', { paths: [require('node:path').dirname(require.resolve('@microsoft/app-manifest'))] }), () => ({
  __esModule: true,
  default: (s: string) => (s.charCodeAt(0) === 0xfeff ? s.slice(1) : s),
}));

const root = path.resolve(__dirname, '../..');
const manifestDir = path.join(root, 'manifest');
const REAL_BOT_ID = '6f1c2a4e-9b7d-4c3e-8a21-0d5e7f9b1c33';
const COMMANDS = ['hilfe', 'erste schritte', 'notfall', 'zusammenfassung', 'vergessen'];

let tmp: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'lotse-manifest-'));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function committedIcons(): Record<string, Buffer> {
  return {
    'color.png': fs.readFileSync(path.join(manifestDir, 'color.png')),
    'outline.png': fs.readFileSync(path.join(manifestDir, 'outline.png')),
  };
}

/** The template filled with valid production-like values. */
function validManifest(): any {
  const { values } = resolveSettings({ MicrosoftAppId: REAL_BOT_ID, PUBLIC_URL: 'https://lotse.musterstadt.de' });
  return fillTemplate(fs.readFileSync(path.join(manifestDir, 'manifest.template.json'), 'utf8'), values);
}

/** size×size RGBA pixels from a function (x, y) → [r, g, b, a]. */
function pixels(size: number, at: (x: number, y: number) => number[]): Buffer {
  const data = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++) for (let x = 0; x < size; x++) data.set(at(x, y), (y * size + x) * 4);
  const png = new PNG({ width: size, height: size });
  png.data = Buffer.from(data);
  return PNG.sync.write(png, { colorType: 6 });
}

/** A white ring on transparent ground, as an outline icon should look. */
const whiteRing = (size: number) =>
  pixels(size, (x, y) => {
    const d = Math.hypot(x - size / 2, y - size / 2);
    return d > size * 0.35 && d < size * 0.45 ? [255, 255, 255, 255] : [255, 255, 255, 0];
  });

const problemsOf = async (manifest: unknown, files: Record<string, Buffer | undefined>) =>
  (await validateAppPackage(manifest, files)).problems.map(formatProblem);

describe('Teams app package (npm run manifest)', () => {
  it('builds the example package offline; it passes the bundled schema and the own checks', async () => {
    const fetchSpy = jest.spyOn(globalThis, 'fetch').mockRejectedValue(new Error('offline'));
    try {
      const outFile = path.join(tmp, 'example.zip');
      const result = await buildAppPackage({ example: true, outFile });
      expect(result.problems).toEqual([]);
      expect(result.ok).toBe(true);
      expect(result.zipPath).toBe(outFile);
      expect(fs.existsSync(outFile)).toBe(true);
      expect(fetchSpy).not.toHaveBeenCalled();
    } finally {
      fetchSpy.mockRestore();
    }
  });

  it('the zip holds exactly manifest.json, color.png and outline.png at its root', async () => {
    const outFile = path.join(tmp, 'example-content.zip');
    await buildAppPackage({ example: true, outFile });
    const files = new Map(Object.entries(unzipSync(fs.readFileSync(outFile))).map(([name, data]) => [name, Buffer.from(data)]));
    expect([...files.keys()].sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    expect(files.get('color.png')!.equals(committedIcons()['color.png'])).toBe(true);
    expect(files.get('outline.png')!.equals(committedIcons()['outline.png'])).toBe(true);

    const manifest = JSON.parse(files.get('manifest.json')!.toString('utf8'));
    expect(manifest.id).toBe(EXAMPLE_BOT_ID);
    expect(manifest.bots[0].botId).toBe(EXAMPLE_BOT_ID);
    expect(manifest.validDomains).toEqual(['lotse.example.org']);
    expect(manifest.developer.privacyUrl).toBe('https://lotse.example.org/datenschutz');
    expect(JSON.stringify(manifest)).not.toContain('${{');
    // the schema version is one that @microsoft/app-manifest bundles (validated offline against it)
    expect(bundledManifestVersions()).toContain(manifest.manifestVersion);
    expect(manifest.$schema).toBe(
      `https://developer.microsoft.com/json-schemas/teams/v${manifest.manifestVersion}/MicrosoftTeams.schema.json`,
    );
  });

  it('the built zip declares the search message extension, answered by the same bot', async () => {
    const outFile = path.join(tmp, 'example-extension.zip');
    expect((await buildAppPackage({ example: true, outFile })).problems).toEqual([]);
    const manifest = JSON.parse(Buffer.from(unzipSync(fs.readFileSync(outFile))['manifest.json']).toString('utf8'));
    expect(manifest.composeExtensions).toHaveLength(1);
    const [extension] = manifest.composeExtensions;
    expect(extension.botId).toBe(manifest.bots[0].botId);
    expect(extension.commands).toHaveLength(1);
    const [command] = extension.commands;
    // the bot answers exactly this command and parameter (src/channels/messageExtension.ts)
    expect(command).toMatchObject({ id: SEARCH_COMMAND_ID, type: 'query', title: 'Lotse durchsuchen', initialRun: true });
    expect([...command.context].sort()).toEqual(['commandBox', 'compose']);
    expect(command.parameters).toEqual([expect.objectContaining({ name: SEARCH_PARAMETER, inputType: 'text' })]);
    expect(command.description).toMatch(/Quelle und Stand/);
    expect(command.description).toMatch(/keine Namen/);
  });

  it('rejects a message extension that another bot would answer, naming the field', async () => {
    const m = validManifest();
    m.composeExtensions[0].botId = '0b6f6c2e-1d2a-4b8e-9f3c-7a5d4e3c2b1a';
    expect(await problemsOf(m, committedIcons())).toEqual([
      expect.stringMatching(/^composeExtensions\[0\]\.botId: muss gleich bots\[0\]\.botId sein/),
    ]);
  });

  it('the manifest is German, names the privacy rule and lists the five commands in all three scopes', () => {
    const m = validManifest();
    expect(m.name).toEqual({ short: 'Lotse', full: 'Lotse – Erste Schritte bei Menschenhandel' });
    expect(m.description.short.length).toBeLessThanOrEqual(80);
    expect(m.description.full.length).toBeLessThanOrEqual(4000);
    expect(m.description.full).toContain('Bitte keine Namen oder Kontaktdaten von Betroffenen eingeben');
    expect(m.description.full).toMatch(/Quelle, Herausgeber und Stand/);
    const bot = m.bots[0];
    expect(bot.scopes.sort()).toEqual(['groupChat', 'personal', 'team']);
    expect(bot.supportsFiles).toBe(false);
    expect(bot.isNotificationOnly).toBe(false);
    expect(bot.commandLists.flatMap((l: any) => l.scopes).sort()).toEqual(['groupChat', 'personal', 'team']);
    for (const list of bot.commandLists) {
      expect(list.commands.map((c: any) => c.title)).toEqual(COMMANDS);
      for (const c of list.commands) expect(c.description.length).toBeGreaterThan(10);
    }
  });

  it('a valid production manifest with the committed icons has no problems', async () => {
    expect(await problemsOf(validManifest(), committedIcons())).toEqual([]);
  });

  it('rejects a manifest without botId, naming botId', async () => {
    const m = validManifest();
    delete m.bots[0].botId;
    const problems = await problemsOf(m, committedIcons());
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.some((p) => p.startsWith('bots[0].botId:') && p.includes('MicrosoftAppId'))).toBe(true);
  });

  it('rejects an id or botId that is no GUID', async () => {
    const m = validManifest();
    m.bots[0].botId = 'mein-bot';
    m.id = 'keine-guid';
    const problems = await problemsOf(m, committedIcons());
    expect(problems).toEqual(
      expect.arrayContaining([expect.stringMatching(/^bots\[0\]\.botId: .*keine GUID/), expect.stringMatching(/^id: .*keine GUID/)]),
    );
  });

  it('rejects an outline icon of the wrong size, naming the icon', async () => {
    const problems = await problemsOf(validManifest(), { ...committedIcons(), 'outline.png': whiteRing(64) });
    expect(problems).toEqual([expect.stringMatching(/^icons\.outline: outline\.png ist 64×64 Pixel groß, verlangt sind 32×32/)]);
  });

  it('rejects a colour icon of the wrong size, naming the icon', async () => {
    const problems = await problemsOf(validManifest(), { ...committedIcons(), 'color.png': whiteRing(32) });
    expect(problems).toEqual([expect.stringMatching(/^icons\.color: color\.png ist 32×32 Pixel groß, verlangt sind 192×192/)]);
  });

  it('rejects an outline icon without transparent background', async () => {
    const opaque = pixels(32, () => [255, 255, 255, 255]);
    const problems = await problemsOf(validManifest(), { ...committedIcons(), 'outline.png': opaque });
    expect(problems).toEqual([expect.stringMatching(/^icons\.outline: outline\.png: Hintergrund nicht transparent/)]);
  });

  it('rejects an outline icon with pixels that are not white', async () => {
    const red = pixels(32, (x, y) => (x > 10 && x < 20 && y > 10 && y < 20 ? [200, 30, 30, 255] : [0, 0, 0, 0]));
    const problems = await problemsOf(validManifest(), { ...committedIcons(), 'outline.png': red });
    expect(problems).toEqual([expect.stringMatching(/^icons\.outline\.pixels: outline\.png enthält 81 nicht weiße Pixel .*#C81E1E/)]);
  });

  it('rejects a missing or unreadable icon', async () => {
    const problems = await problemsOf(validManifest(), { 'color.png': Buffer.from('kein png') });
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^icons\.color: color\.png ist keine lesbare PNG-Datei/),
        expect.stringMatching(/^icons\.outline: outline\.png fehlt/),
      ]),
    );
  });

  it('runs the JSON schema: a field the schema does not know is rejected', async () => {
    const m = validManifest();
    m.bots[0].unbekannt = true;
    const problems = await problemsOf(m, committedIcons());
    expect(problems).toEqual([expect.stringMatching(/^bots\[0\]: verstößt gegen das Manifest-Schema: .*unbekannt/)]);
  });

  it('rejects texts that are too long and unreplaced placeholders', async () => {
    const m = validManifest();
    m.name.short = 'Lotse – Erste Schritte bei Menschenhandel';
    m.description.short = 'x'.repeat(81);
    m.developer.termsOfUseUrl = '${{TEAMS_TERMS_URL}}';
    const problems = await problemsOf(m, committedIcons());
    expect(problems).toEqual(
      expect.arrayContaining([
        'name.short: 41 Zeichen, erlaubt sind höchstens 30',
        'description.short: 81 Zeichen, erlaubt sind höchstens 80',
        expect.stringMatching(/^developer\.termsOfUseUrl: Platzhalter \$\{\{TEAMS_TERMS_URL\}\} wurde nicht ersetzt/),
      ]),
    );
  });

  it('without --example and without MicrosoftAppId it fails, tells to set MicrosoftAppId and writes no zip', async () => {
    const outFile = path.join(tmp, 'appPackage.zip');
    fs.writeFileSync(outFile, 'altes Paket');
    // root without .env, so only the given environment counts
    const result = await buildAppPackage({ root: tmp, manifestDir, env: { PUBLIC_URL: 'https://lotse.musterstadt.de' }, outFile });
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual([expect.stringMatching(/^bots\[0\]\.botId: MicrosoftAppId fehlt .*in \.env/)]);
    expect(fs.existsSync(outFile)).toBe(false);
    expect(result.removedStale).toBe(outFile);
  });

  it('reports a missing PUBLIC_URL once and derives everything else from the environment', async () => {
    const result = await buildAppPackage({
      root: tmp,
      manifestDir,
      env: { MicrosoftAppId: REAL_BOT_ID },
      outFile: path.join(tmp, 'none.zip'),
    });
    expect(result.problems).toEqual([expect.stringMatching(/^validDomains: PUBLIC_URL fehlt/)]);

    const ok = await buildAppPackage({
      root: tmp,
      manifestDir,
      env: {
        MicrosoftAppId: REAL_BOT_ID,
        TEAMS_APP_ID: '0b6f6c2e-1d2a-4b8e-9f3c-7a5d4e3c2b1a',
        PUBLIC_URL: 'https://lotse.musterstadt.de/bot/',
        TEAMS_DEVELOPER_NAME: 'Stadt Musterstadt',
        TEAMS_PRIVACY_URL: 'https://www.musterstadt.de/datenschutz',
        TEAMS_TERMS_URL: 'https://www.musterstadt.de/impressum',
        TEAMS_APP_VERSION: '1.2.0',
      },
      outFile: path.join(tmp, 'ok.zip'),
    });
    expect(ok.problems).toEqual([]);
    const m = ok.manifest as any;
    expect(m.id).toBe('0b6f6c2e-1d2a-4b8e-9f3c-7a5d4e3c2b1a');
    expect(m.bots[0].botId).toBe(REAL_BOT_ID);
    expect(m.version).toBe('1.2.0');
    expect(m.validDomains).toEqual(['lotse.musterstadt.de']);
    expect(m.developer).toEqual({
      name: 'Stadt Musterstadt',
      websiteUrl: 'https://lotse.musterstadt.de/bot/',
      privacyUrl: 'https://www.musterstadt.de/datenschutz',
      termsOfUseUrl: 'https://www.musterstadt.de/impressum',
    });
  });

  it('refuses plain http and only warns for localhost', async () => {
    const http = await buildAppPackage({
      root: tmp,
      manifestDir,
      env: { MicrosoftAppId: REAL_BOT_ID, PUBLIC_URL: 'http://lotse.musterstadt.de' },
      outFile: path.join(tmp, 'http.zip'),
    });
    expect(http.problems).toEqual([expect.stringMatching(/^validDomains: PUBLIC_URL muss mit https:\/\/ beginnen/)]);

    const local = await buildAppPackage({
      root: tmp,
      manifestDir,
      env: { MicrosoftAppId: REAL_BOT_ID, PUBLIC_URL: 'http://localhost:3978' },
      outFile: path.join(tmp, 'local.zip'),
    });
    expect(local.ok).toBe(true);
    expect(local.warnings).toEqual(expect.arrayContaining([expect.stringMatching(/^validDomains: PUBLIC_URL zeigt auf localhost/)]));
    expect((local.manifest as any).validDomains).toEqual(['localhost']);
  });

  it('the CLI with --example exits 0 and writes the package; unknown options exit 2', async () => {
    const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    const err = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const outFile = path.join(tmp, 'cli.zip');
      expect(await main(['--example', '--out', outFile], root)).toBe(0);
      expect(fs.existsSync(outFile)).toBe(true);
      expect(log.mock.calls.join('\n')).toContain('Manifest');
      expect(await main(['--unsinn'], root)).toBe(2);
    } finally {
      log.mockRestore();
      err.mockRestore();
    }
  });
});

describe('icons (npm run icons)', () => {
  it('draws exactly the pixels of the committed icons', () => {
    const icons = renderIcons();
    for (const name of ['color.png', 'outline.png'] as const)
      expect([name, samePixels(icons[name], committedIcons()[name])]).toEqual([name, true]);
  });

  it('notices a single changed pixel, whatever the compression', () => {
    const committed = committedIcons()['outline.png'];
    const png = PNG.sync.read(committed);
    expect(samePixels(PNG.sync.write(png, { deflateLevel: 1 }), committed)).toBe(true);
    png.data[4 * 17 + 3] ^= 1;
    expect(samePixels(PNG.sync.write(png), committed)).toBe(false);
  });
});
