import fs from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import AjvDraft04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { PNG } from 'pngjs';
import { isLocalHost, type Problem } from './settings';

export type { Problem } from './settings';

export interface ValidationResult {
  /** Anything that makes the package unusable or invalid: no package is written. */
  problems: Problem[];
  /** Worth knowing, but the package works. */
  warnings: Problem[];
}

export const GUID = /^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$/;
const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$/;
const HEX_COLOR = /^#[0-9a-fA-F]{6}$/;
const PLACEHOLDER = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/;

/** Icon sizes required by Teams. */
export const ICON_SIZES = { color: 192, outline: 32 } as const;
/** At least this share of the outline icon must be fully transparent (the background). */
export const MIN_TRANSPARENT_SHARE = 0.1;

export function formatProblem(p: Problem): string {
  return `${p.path}: ${p.message}`;
}

/** Directory of the JSON schemas that @microsoft/app-manifest ships (used offline, never downloaded). */
export function bundledSchemaDir(): string {
  return path.join(path.dirname(require.resolve('@microsoft/app-manifest/package.json')), 'build', 'json-schemas', 'teams');
}

/** Manifest versions whose schema the installed @microsoft/app-manifest bundles, oldest first (devPreview excluded). */
export function bundledManifestVersions(): string[] {
  return fs
    .readdirSync(bundledSchemaDir())
    .filter((d) => /^v\d+\.\d+$/.test(d) && fs.existsSync(path.join(bundledSchemaDir(), d, 'MicrosoftTeams.schema.json')))
    .map((d) => d.slice(1))
    .sort((a, b) => {
      const [a1, a2] = a.split('.').map(Number);
      const [b1, b2] = b.split('.').map(Number);
      return a1 - b1 || a2 - b2;
    });
}

const schemaCache = new Map<string, object>();
function loadBundledSchema(version: string): object | undefined {
  if (!schemaCache.has(version)) {
    const file = path.join(bundledSchemaDir(), `v${version}`, 'MicrosoftTeams.schema.json');
    if (!fs.existsSync(file)) return undefined;
    schemaCache.set(version, JSON.parse(fs.readFileSync(file, 'utf8')));
  }
  return schemaCache.get(version);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON Schema documents are walked untyped.
type Json = Record<string, any>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
/** Length as JSON Schema counts it (code points, not UTF-16 units). */
const len = (s: string) => [...s].length;

/** "/bots/0/botId" → "bots[0].botId" */
function toPath(pointer: string): string {
  const parts = pointer
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  let out = '';
  for (const p of parts) out += /^\d+$/.test(p) ? `[${p}]` : out ? `.${p}` : p;
  return out || '(Manifest)';
}

function findPlaceholders(value: unknown, at: string, out: Problem[]): void {
  if (typeof value === 'string') {
    const m = PLACEHOLDER.exec(value);
    if (m) out.push({ path: at, message: `Platzhalter \${{${m[1]}}} wurde nicht ersetzt – Einstellung ${m[1]} fehlt oder ist unbekannt` });
  } else if (Array.isArray(value)) value.forEach((v, i) => findPlaceholders(v, `${at}[${i}]`, out));
  else if (isObject(value)) for (const [k, v] of Object.entries(value)) findPlaceholders(v, at ? `${at}.${k}` : k, out);
}

function checkText(obj: Json | undefined, field: string, at: string, max: number, problems: Problem[]): void {
  const v = str(obj?.[field]);
  if (!v || !v.trim()) problems.push({ path: at, message: 'fehlt oder ist leer' });
  else if (len(v) > max) problems.push({ path: at, message: `${len(v)} Zeichen, erlaubt sind höchstens ${max}` });
}

function checkHttpsUrl(value: unknown, at: string, setting: string, problems: Problem[]): void {
  const v = str(value);
  if (!v) {
    problems.push({ path: at, message: `fehlt – ${setting} oder PUBLIC_URL setzen` });
    return;
  }
  let url: URL;
  try {
    url = new URL(v);
  } catch {
    problems.push({ path: at, message: `keine gültige Adresse: "${v}" (${setting})` });
    return;
  }
  if (url.protocol !== 'https:') problems.push({ path: at, message: `muss mit https:// beginnen: "${v}" (${setting})` });
}

interface DecodedPng {
  width: number;
  height: number;
  data: Buffer;
}

function decodePng(file: Buffer, at: string, name: string, problems: Problem[]): DecodedPng | undefined {
  try {
    return PNG.sync.read(file);
  } catch (err) {
    problems.push({ path: at, message: `${name} ist keine lesbare PNG-Datei (${(err as Error).message})` });
    return undefined;
  }
}

const hex = (r: number, g: number, b: number) => `#${[r, g, b].map((c) => c.toString(16).padStart(2, '0').toUpperCase()).join('')}`;

function checkIcons(manifest: Json, files: Record<string, Buffer | undefined>, problems: Problem[]): void {
  const icons = isObject(manifest.icons) ? manifest.icons : undefined;
  for (const kind of ['color', 'outline'] as const) {
    const at = `icons.${kind}`;
    const name = str(icons?.[kind]);
    if (!name) {
      problems.push({ path: at, message: 'fehlt (Dateiname des Symbols im Paket)' });
      continue;
    }
    if (name.includes('/') || name.includes('\\') || !/\.png$/i.test(name)) {
      problems.push({ path: at, message: `"${name}" muss eine PNG-Datei im Hauptverzeichnis des Pakets sein` });
      continue;
    }
    const file = files[name];
    if (!file) {
      problems.push({ path: at, message: `${name} fehlt (erwartet in manifest/${name}; mit npm run icons erzeugen)` });
      continue;
    }
    const png = decodePng(file, at, name, problems);
    if (!png) continue;
    const size = ICON_SIZES[kind];
    if (png.width !== size || png.height !== size) {
      problems.push({ path: at, message: `${name} ist ${png.width}×${png.height} Pixel groß, verlangt sind ${size}×${size}` });
    }
    if (kind !== 'outline') continue;
    let transparent = 0;
    let nonWhite = 0;
    let firstNonWhite = '';
    const pixels = png.width * png.height;
    for (let i = 0; i < pixels; i++) {
      const [r, g, b, a] = png.data.subarray(i * 4, i * 4 + 4);
      if (a === 0) transparent++;
      else if (r !== 255 || g !== 255 || b !== 255) {
        if (nonWhite++ === 0) firstNonWhite = `x=${i % png.width}, y=${Math.floor(i / png.width)}: ${hex(r, g, b)}`;
      }
    }
    if (transparent === pixels) {
      problems.push({ path: at, message: `${name} ist vollständig transparent – das Symbol fehlt` });
    } else if (transparent / pixels < MIN_TRANSPARENT_SHARE) {
      problems.push({
        path: at,
        message: `${name}: Hintergrund nicht transparent – nur ${Math.round((transparent / pixels) * 100)} % der Pixel sind durchsichtig; verlangt ist ein weißes Symbol auf transparentem Hintergrund`,
      });
    }
    if (nonWhite > 0) {
      problems.push({
        path: `${at}.pixels`,
        message: `${name} enthält ${nonWhite} nicht weiße Pixel (erstes bei ${firstNonWhite}); erlaubt ist nur Weiß (#FFFFFF) mit Transparenz`,
      });
    }
  }
}

/**
 * The schema check @microsoft/app-manifest's AppManifestUtils.validateAgainstSchema does (Ajv, draft-04 or
 * 2020-12 by the schema's $schema, allErrors, formats uri/email/regex, a JSON round-trip of the manifest),
 * with the compiled validator kept per schema: compiling the Teams schema takes ~0.5 s, every time.
 */
const compiled = new WeakMap<object, ValidateFunction>();
function schemaErrors(schema: object, manifest: unknown): ErrorObject[] {
  let validate = compiled.get(schema);
  if (!validate) {
    const options = { allErrors: true, strictTypes: false } as const;
    const ajv = String((schema as { $schema?: unknown }).$schema ?? '').includes('2020-12')
      ? new Ajv2020(options)
      : new AjvDraft04(options);
    addFormats(ajv, ['uri', 'email', 'regex']);
    validate = ajv.compile(schema);
    compiled.set(schema, validate);
  }
  return validate(JSON.parse(JSON.stringify(manifest))) ? [] : (validate.errors ?? []);
}

/** Converts one schema error (JSON pointer, message, params) to a Problem on the field it names. */
function schemaProblem(error: ErrorObject): Problem {
  let at = toPath(error.instancePath);
  let message = error.message ?? '';
  const params = error.params as { missingProperty?: string; additionalProperty?: string; allowedValues?: string[] };
  if (params.missingProperty) at = at === '(Manifest)' ? params.missingProperty : `${at}.${params.missingProperty}`;
  if (params.additionalProperty) message += ` („${params.additionalProperty}“)`;
  if (params.allowedValues) message += ` (${params.allowedValues.join(', ')})`;
  return { path: at, message: `verstößt gegen das Manifest-Schema: ${message}` };
}

/**
 * Validates a filled Teams app manifest and the files that go into the package, offline:
 * own checks (ids, texts, URLs, domains, icons) and the JSON schema of its manifestVersion as bundled
 * by @microsoft/app-manifest (checked as its AppManifestUtils.validateAgainstSchema does). One Problem per field;
 * a schema message about a field that an own check already reported is left out.
 */
export async function validateAppPackage(manifest: unknown, files: Record<string, Buffer | undefined>): Promise<ValidationResult> {
  const problems: Problem[] = [];
  const warnings: Problem[] = [];
  if (!isObject(manifest)) return { problems: [{ path: '(Manifest)', message: 'ist kein JSON-Objekt' }], warnings };

  findPlaceholders(manifest, '', problems);

  const version = str(manifest.manifestVersion);
  const schema = version ? loadBundledSchema(version) : undefined;
  if (!version) problems.push({ path: 'manifestVersion', message: 'fehlt' });
  else if (!schema) {
    problems.push({
      path: 'manifestVersion',
      message: `${version} wird von @microsoft/app-manifest nicht mitgeliefert (vorhanden: ${bundledManifestVersions().join(', ')})`,
    });
  }
  const expectedSchemaUrl = `https://developer.microsoft.com/json-schemas/teams/v${version}/MicrosoftTeams.schema.json`;
  if (version && manifest.$schema !== expectedSchemaUrl) {
    problems.push({ path: '$schema', message: `passt nicht zu manifestVersion ${version}; erwartet ${expectedSchemaUrl}` });
  }

  const bots = Array.isArray(manifest.bots) ? manifest.bots : [];
  const botId = str(isObject(bots[0]) ? bots[0].botId : undefined);
  if (bots.length !== 1 || !isObject(bots[0])) problems.push({ path: 'bots', message: 'genau ein Bot erwartet' });
  if (!botId || !GUID.test(botId)) {
    problems.push({
      path: 'bots[0].botId',
      message: `MicrosoftAppId fehlt oder ist keine GUID${botId ? ` ("${botId}")` : ''} – App-ID (Client-ID) der Azure-Bot-Registrierung in .env eintragen`,
    });
  }
  const id = str(manifest.id);
  // Fields whose schema messages are covered by another problem (the app id defaults to the bot id).
  const covered = new Set<string>();
  const extensions: unknown[] = Array.isArray(manifest.composeExtensions) ? manifest.composeExtensions : [];
  extensions.forEach((extension, i) => {
    if (!isObject(extension)) return;
    // The message extension is answered by the same bot: a missing bot id is reported once, at bots[0].botId.
    if (extension.botId === botId && (!botId || !GUID.test(botId))) covered.add(`composeExtensions[${i}].botId`);
    else if (extension.botId !== botId) {
      problems.push({
        path: `composeExtensions[${i}].botId`,
        message: `muss gleich bots[0].botId sein ("${botId ?? ''}"), ist "${extension.botId ?? ''}"`,
      });
    }
  });
  if (!id || !GUID.test(id)) {
    if ((id ?? '') === (botId ?? '')) covered.add('id');
    else
      problems.push({
        path: 'id',
        message: `App-ID fehlt oder ist keine GUID${id ? ` ("${id}")` : ''} – TEAMS_APP_ID korrigieren oder leer lassen (dann gilt MicrosoftAppId)`,
      });
  }
  if (!str(manifest.version) || !SEMVER.test(manifest.version)) {
    problems.push({
      path: 'version',
      message: `"${manifest.version ?? ''}" ist keine Versionsnummer nach SemVer (z. B. 1.0.0) – TEAMS_APP_VERSION prüfen`,
    });
  }

  const name = isObject(manifest.name) ? manifest.name : undefined;
  checkText(name, 'short', 'name.short', 30, problems);
  if (name?.full !== undefined) checkText(name, 'full', 'name.full', 100, problems);
  const description = isObject(manifest.description) ? manifest.description : undefined;
  checkText(description, 'short', 'description.short', 80, problems);
  checkText(description, 'full', 'description.full', 4000, problems);
  if (!str(manifest.accentColor) || !HEX_COLOR.test(manifest.accentColor)) {
    problems.push({ path: 'accentColor', message: `"${manifest.accentColor ?? ''}" ist keine Farbe der Form #RRGGBB` });
  }

  const developer = isObject(manifest.developer) ? manifest.developer : undefined;
  const devName = str(developer?.name);
  if (!devName || !devName.trim())
    problems.push({ path: 'developer.name', message: 'fehlt – TEAMS_DEVELOPER_NAME oder PUBLIC_URL setzen' });
  else if (len(devName) > 32)
    problems.push({
      path: 'developer.name',
      message: `${len(devName)} Zeichen, erlaubt sind höchstens 32 – TEAMS_DEVELOPER_NAME kürzer setzen`,
    });
  checkHttpsUrl(developer?.websiteUrl, 'developer.websiteUrl', 'TEAMS_WEBSITE_URL', problems);
  checkHttpsUrl(developer?.privacyUrl, 'developer.privacyUrl', 'TEAMS_PRIVACY_URL', problems);
  checkHttpsUrl(developer?.termsOfUseUrl, 'developer.termsOfUseUrl', 'TEAMS_TERMS_URL', problems);

  const domains: unknown[] = Array.isArray(manifest.validDomains) ? manifest.validDomains : [];
  if (domains.length === 0) problems.push({ path: 'validDomains', message: 'leer – PUBLIC_URL setzen (daraus wird der Host übernommen)' });
  domains.forEach((d, i) => {
    const at = `validDomains[${i}]`;
    const domain = str(d) ?? '';
    if (!domain) problems.push({ path: at, message: 'leer – PUBLIC_URL setzen (daraus wird der Host übernommen)' });
    else if (/[/\s:]/.test(domain))
      problems.push({ path: at, message: `"${domain}" muss ein reiner Hostname sein (ohne https://, Port und Pfad)` });
    else if (isLocalHost(domain)) {
      warnings.push({ path: at, message: `"${domain}" ist eine lokale Adresse – Teams erreicht den Bot dort nicht` });
    }
  });

  checkIcons(manifest, files, problems);

  if (schema) {
    const reported = new Set([...covered, ...problems.map((p) => p.path)]);
    for (const error of schemaErrors(schema, manifest)) {
      const p = schemaProblem(error);
      if (![...reported].some((r) => p.path === r || p.path.startsWith(`${r}.`) || p.path.startsWith(`${r}[`))) problems.push(p);
    }
  }
  return { problems: dedupe(problems), warnings: dedupe(warnings) };
}

function dedupe(list: Problem[]): Problem[] {
  const seen = new Set<string>();
  return list.filter((p) => {
    const key = formatProblem(p);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
