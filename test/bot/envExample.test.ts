import fs from 'node:fs';
import path from 'node:path';
import { ConfigSchema } from '../../src/config';

describe('.env.example', () => {
  it('lists every setting Lotse reads', () => {
    const text = fs.readFileSync(path.resolve(__dirname, '../../.env.example'), 'utf8');
    const keys = Object.keys(ConfigSchema._def.schema.shape);
    expect(keys).toEqual(
      expect.arrayContaining(['WEB_MODE', 'WIDGET_ORIGINS', 'WEB_TOKEN_SECRET', 'WEB_CONVERSATIONS_PER_MINUTE', 'TRUST_PROXY']),
    );
    const missing = keys.filter((k) => !new RegExp(`^${k}=`, 'm').test(text));
    expect(missing).toEqual([]);
  });
});
