import path from 'node:path';
import { ESLint } from 'eslint';

const root = path.resolve(__dirname, '../..');
// The project's own flat config, handed over as an object: jest cannot run ESLint's dynamic import of the file.
const config = require(path.join(root, 'eslint.config.js'));
const eslint = new ESLint({ cwd: root, overrideConfigFile: true, overrideConfig: config });

async function layerErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return result.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('the import rule keeps the layers one-way (src/ → dialogs/ → knowledge/)', () => {
  it.each([
    ['knowledge/x.ts', "import { loadTexts } from '../dialogs/texts';\nexport const t = loadTexts;\n"],
    ['knowledge/x.ts', "import { createApp } from '../src/app';\nexport const a = createApp;\n"],
    ['knowledge/deep/x.ts', "export { main } from '../../scripts/ask';\n"],
    ['dialogs/x.ts', "import type { LotseApp } from '../src/app';\nexport type A = LotseApp;\n"],
    ['dialogs/x.ts', "import { TurnContext } from 'botbuilder';\nexport type C = TurnContext;\n"],
  ])('rejects a wrong-way import in %s', async (file, code) => {
    expect(await layerErrors(file, code)).toHaveLength(1);
  });

  it.each([
    ['dialogs/x.ts', "import { readYamlFile } from '../knowledge/yamlFile';\nexport const r = readYamlFile;\n"],
    [
      'src/x.ts',
      "import { loadTexts } from '../dialogs/texts';\nimport { loadSearch } from '../knowledge/load';\nexport const a = [loadTexts, loadSearch];\n",
    ],
    ['knowledge/x.ts', "import { words } from './normalize';\nexport const w = words;\n"],
  ])('allows the right direction in %s', async (file, code) => {
    expect(await layerErrors(file, code)).toEqual([]);
  });
});
