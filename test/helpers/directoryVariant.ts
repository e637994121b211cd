import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { dump } from 'js-yaml';
import { directoryPath } from '../../dialogs/directory';
import { parseYaml } from '../../knowledge/yamlFile';

/** Writes a copy of the directory with its entries changed by `change` into a temp folder, and returns the file. */
export function directoryVariant(change: (entries: any[]) => void): string {
  const doc = parseYaml(fs.readFileSync(directoryPath, 'utf8')) as { entries: any[] };
  change(doc.entries);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'lotse-directory-')), 'directory.yaml');
  fs.writeFileSync(file, dump(doc));
  return file;
}
