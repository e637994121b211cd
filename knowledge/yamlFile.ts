import fs from 'node:fs';
import { CORE_SCHEMA, load } from 'js-yaml';
import type { z } from 'zod';

/** A content file that does not parse or validate: names the file, the path inside it and the reason. */
export class YamlFileError extends Error {
  constructor(
    readonly file: string,
    readonly where: string,
    readonly reason: string,
  ) {
    super(`${file}: ${where}: ${reason}`);
  }
}

/**
 * Parses YAML text with the YAML 1.2 core schema (dates stay strings, `yes` stays a string), the same
 * reading the `yaml` package gave; js-yaml does it several times faster, and every bot start and test
 * file parses all the content files.
 */
export function parseYaml(text: string): unknown {
  return load(text, { schema: CORE_SCHEMA });
}

/** Reads one YAML file and validates it against its zod schema; the one loader every content file goes through. */
export function readYamlFile<T>(file: string, schema: z.ZodType<T, z.ZodTypeDef, unknown>): T {
  let raw: unknown;
  try {
    raw = parseYaml(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    throw new YamlFileError(file, 'YAML', (err as Error).message.split('\n')[0]);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new YamlFileError(file, issue.path.join('.') || '(root)', issue.message);
  }
  return parsed.data;
}
