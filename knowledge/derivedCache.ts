import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** The key of a derived file: a hash of the texts it is derived from (the input and the code that derives it). */
export function derivationKey(...texts: Array<string | Buffer>): string {
  const hash = createHash('sha1');
  for (const text of texts) hash.update(text);
  return hash.digest('hex');
}

/**
 * A word list or thesaurus as derived from its input, cached beside the index: read back when the cache was
 * written under the same key, else derived and written atomically (a temporary file renamed into place, so
 * concurrent processes never read half a cache). Keyed by content, not by date: a changed input or a changed
 * folding or stemming code derives it anew, and a clean checkout and an old build/ derive the same words.
 * A missing, unreadable or read-only cache only costs the derivation.
 */
export function cachedDerivation<T>(
  cacheFile: string,
  key: string,
  derive: () => T,
  serialize: (value: T) => string,
  deserialize: (text: string) => T,
): T {
  const header = `# ${key}\n`;
  try {
    const cached = fs.readFileSync(cacheFile, 'utf8');
    if (cached.startsWith(header)) return deserialize(cached.slice(header.length));
  } catch {
    // No cache yet, or unreadable: derive it.
  }
  const value = derive();
  const tmp = `${cacheFile}.${process.pid}.tmp`;
  try {
    fs.mkdirSync(path.dirname(cacheFile), { recursive: true });
    fs.writeFileSync(tmp, header + serialize(value));
    fs.renameSync(tmp, cacheFile);
  } catch {
    // A read-only deployment still works, only slower to start.
    fs.rmSync(tmp, { force: true });
  }
  return value;
}
