import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { knowledgeBase } from '../dialogs/knowledgeBase';
import { buildKnowledge, writeIndex } from '../knowledge/build';

/**
 * Builds the real knowledge index once per `npm test`, into a temporary file (never the checkout's build/),
 * so each test file loads it instead of building it again. The test workers inherit the variable.
 */
export default function globalSetup(): void {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lotse-jest-'));
  const file = path.join(dir, 'knowledge-index.json');
  writeIndex(buildKnowledge(knowledgeBase()), file);
  process.env.LOTSE_TEST_INDEX = file;
}
