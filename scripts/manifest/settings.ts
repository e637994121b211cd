import fs from 'node:fs';
import path from 'node:path';
import dotenv from 'dotenv';
import { isLoopbackHost } from '../../src/channels/loopback';
import { findProjectRoot } from '../../knowledge/paths';

export { findProjectRoot };

/** A problem or a warning, named by the manifest field (or setting) it concerns. */
export interface Problem {
  path: string;
  message: string;
}

/** Documented example values for `npm run manifest -- --example` (never a real bot: the id is a placeholder GUID). */
export const EXAMPLE_BOT_ID = '00000000-0000-4000-8000-000000000000';
export const EXAMPLE_PUBLIC_URL = 'https://lotse.example.org';
export const DEFAULT_APP_VERSION = '1.0.0';

/** The placeholders the template may use, as `${{NAME}}`. */
export const PLACEHOLDERS = [
  'MicrosoftAppId',
  'TEAMS_APP_ID',
  'TEAMS_APP_VERSION',
  'PUBLIC_HOST',
  'TEAMS_DEVELOPER_NAME',
  'TEAMS_WEBSITE_URL',
  'TEAMS_PRIVACY_URL',
  'TEAMS_TERMS_URL',
] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];

export type Env = Record<string, string | undefined>;

function readEnvFile(file: string): Env {
  return fs.existsSync(file) ? dotenv.parse(fs.readFileSync(file)) : {};
}

/**
 * The environment the package is built from.
 * - normal: `.env` (if present), overridden by the process environment – as `npm start` reads it;
 * - example: only `.env.example`, with the documented example bot id and host filled in where it leaves them empty.
 */
export function loadEnvironment(opts: { example: boolean; root: string; env?: Env }): Env {
  if (opts.example) {
    const example = readEnvFile(path.join(opts.root, '.env.example'));
    return {
      ...example,
      MicrosoftAppId: example.MicrosoftAppId || EXAMPLE_BOT_ID,
      PUBLIC_URL: example.PUBLIC_URL || EXAMPLE_PUBLIC_URL,
    };
  }
  return { ...readEnvFile(path.join(opts.root, '.env')), ...(opts.env ?? process.env) };
}

const text = (v: string | undefined): string => (v ?? '').trim();

/** A host Teams cannot reach: this machine (one definition with the bot's own loopback checks). */
export const isLocalHost = isLoopbackHost;

export interface ResolvedSettings {
  values: Record<Placeholder, string>;
  problems: Problem[];
  warnings: Problem[];
  /** Manifest fields left empty only because of a reported setting problem (not reported again). */
  covered: string[];
}

/** Turns the environment into the template's values; settings that cannot work are problems, doubtful ones warnings. */
export function resolveSettings(env: Env, opts: { example?: boolean } = {}): ResolvedSettings {
  const problems: Problem[] = [];
  const warnings: Problem[] = [];
  const botId = text(env.MicrosoftAppId);
  if (!botId && !opts.example) {
    problems.push({
      path: 'bots[0].botId',
      message:
        'MicrosoftAppId fehlt oder ist keine GUID – bitte in .env die App-ID (Client-ID) der Azure-Bot-Registrierung eintragen ' +
        '(oder mit `npm run manifest -- --example` nur das Beispielpaket bauen)',
    });
  }

  let host = '';
  let base = '';
  const publicUrl = text(env.PUBLIC_URL);
  if (!publicUrl) {
    problems.push({
      path: 'validDomains',
      message:
        'PUBLIC_URL fehlt – bitte die öffentliche https-Adresse des Bots setzen, z. B. PUBLIC_URL=https://lotse.example.org ' +
        '(daraus werden validDomains, developer.name und die developer-Adressen abgeleitet)',
    });
  } else {
    let url: URL | undefined;
    try {
      url = new URL(publicUrl);
    } catch {
      problems.push({ path: 'validDomains', message: `PUBLIC_URL ist keine gültige Adresse: "${publicUrl}"` });
    }
    if (url) {
      // validDomains takes host names without port; the developer pages keep PUBLIC_URL's port and path.
      host = url.hostname.toLowerCase();
      base = `https://${url.host.toLowerCase()}${url.pathname.replace(/\/+$/, '')}`;
      if (isLocalHost(url.hostname)) {
        warnings.push({
          path: 'validDomains',
          message: `PUBLIC_URL zeigt auf ${url.hostname} – Teams kann den Bot dort nicht erreichen; für echte Tests eine öffentliche https-Adresse (oder einen Tunnel) eintragen`,
        });
      } else if (url.protocol !== 'https:') {
        problems.push({
          path: 'validDomains',
          message: `PUBLIC_URL muss mit https:// beginnen (Teams spricht Bots nur über HTTPS an): "${publicUrl}"`,
        });
      }
    }
  }

  const withDefault = (name: Placeholder, fallback: string, note?: string): string => {
    const value = text(env[name]);
    if (value) return value;
    if (note && fallback) warnings.push({ path: name, message: `nicht gesetzt – verwendet ${fallback}. ${note}` });
    return fallback;
  };
  const pageNote = 'Lotse liefert eine allgemeine Seite aus; tragen Sie besser die Seite Ihrer Organisation ein.';
  const values: Record<Placeholder, string> = {
    MicrosoftAppId: botId,
    TEAMS_APP_ID: text(env.TEAMS_APP_ID) || botId,
    TEAMS_APP_VERSION: text(env.TEAMS_APP_VERSION) || DEFAULT_APP_VERSION,
    PUBLIC_HOST: host,
    TEAMS_DEVELOPER_NAME: text(env.TEAMS_DEVELOPER_NAME) || host,
    TEAMS_WEBSITE_URL: withDefault('TEAMS_WEBSITE_URL', base ? `${base}/` : ''),
    TEAMS_PRIVACY_URL: withDefault('TEAMS_PRIVACY_URL', base ? `${base}/datenschutz` : '', opts.example ? undefined : pageNote),
    TEAMS_TERMS_URL: withDefault('TEAMS_TERMS_URL', base ? `${base}/nutzungsbedingungen` : '', opts.example ? undefined : pageNote),
  };
  const covered: string[] = [];
  if (!host) {
    covered.push('validDomains');
    const derived: Array<[Placeholder, string]> = [
      ['TEAMS_DEVELOPER_NAME', 'developer.name'],
      ['TEAMS_WEBSITE_URL', 'developer.websiteUrl'],
      ['TEAMS_PRIVACY_URL', 'developer.privacyUrl'],
      ['TEAMS_TERMS_URL', 'developer.termsOfUseUrl'],
    ];
    for (const [setting, field] of derived) if (!values[setting]) covered.push(field);
  }
  return { values, problems, warnings, covered };
}

const PLACEHOLDER = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

/**
 * Fills `${{NAME}}` placeholders inside the template's JSON strings (values are JSON-escaped, so no value can
 * change the structure). Unknown placeholders stay as they are; the validation reports them.
 */
export function fillTemplate(template: string, values: Partial<Record<string, string>>): unknown {
  const filled = template.replace(PLACEHOLDER, (whole, name: string) => {
    const value = values[name];
    return value === undefined ? whole : JSON.stringify(value).slice(1, -1);
  });
  return JSON.parse(filled);
}
