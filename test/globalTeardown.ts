import fs from 'node:fs';
import path from 'node:path';

export default function globalTeardown(): void {
  const file = process.env.LOTSE_TEST_INDEX;
  if (file) fs.rmSync(path.dirname(file), { recursive: true, force: true });
}
