import { MemoryStorage, type StoreItems } from 'botbuilder';
import { loadDialogContent } from '../../dialogs/content';
import { loadTexts } from '../../dialogs/texts';
import { main as startServer } from '../../src/server';
import { ExpiringStorage } from '../../src/storage';
import { buildTestApp, cardOf, cardText, inject, message, replies } from '../helpers/app';
import { CASES } from '../helpers/cases';
import { chat, type Chat } from '../helpers/chat';

const texts = loadTexts().de;
const defs = loadDialogContent();

async function giveFacts(c: Chat) {
  await c.say('Erste Schritte');
  for (const def of defs.facts) await c.press({ verb: 'checklist', action: 'fact', key: def.key, value: CASES[0].facts[def.key] });
}

describe('private, expiring state', () => {
  it('"vergessen" deletes everything about the conversation at once and confirms', async () => {
    const storage = new MemoryStorage();
    const app = buildTestApp({}, { storage });
    const c = chat(app, 'forget-1');
    await giveFacts(c);
    expect(JSON.stringify(await storage.read([`test/lotse-bot/conversations/forget-1`]))).toMatch(/"land":"NW"/);
    const [confirm] = await c.say('vergessen');
    expect(confirm.text).toBe(texts.forgotten);
    expect(await storage.read([`test/lotse-bot/conversations/forget-1`])).toEqual({});
    const [nothing] = await c.say('weiter');
    expect(nothing.text).toBe(texts.nothingToResume);
    expect((await c.say('forget'))[0].text).toBe(loadTexts().en.forgotten);
  });

  it('treats state older than STATE_TTL_HOURS as absent and deletes it', async () => {
    let clock = Date.parse('2026-11-25T08:00:00Z');
    const storage = new MemoryStorage();
    const app = buildTestApp({ STATE_TTL_HOURS: '24' }, { storage, now: () => new Date(clock) });
    const c = chat(app, 'ttl-1');
    await giveFacts(c);
    clock += 23 * 3600_000;
    expect(cardText(cardOf((await c.say('weiter'))[0]))).toContain(texts.menuTitle);
    clock += 24 * 3600_000 + 1;
    expect((await c.say('weiter'))[0].text).toBe(texts.nothingToResume);
  });

  it('ExpiringStorage drops and deletes items without a fresh stamp', async () => {
    let now = 1_000_000;
    const inner = new MemoryStorage();
    const store = new ExpiringStorage(inner, 1000, () => now);
    await store.write({ a: { x: 1 } });
    await inner.write({ legacy: { x: 2 } });
    expect(Object.keys(await store.read(['a', 'legacy']))).toEqual(['a']);
    expect(await inner.read(['legacy'])).toEqual({});
    now += 1001;
    expect(await store.read(['a'])).toEqual({});
    expect(await inner.read(['a'])).toEqual({});
  });
});

describe('concurrent messages in one conversation', () => {
  it('serialises them, so neither update is lost', async () => {
    const storage = new MemoryStorage();
    const app = buildTestApp({}, { storage });
    const c = chat(app, 'race-1');
    await c.say('Erste Schritte');
    await Promise.all([
      c.press({ verb: 'checklist', action: 'fact', key: 'danger', value: 'no' }),
      c.press({ verb: 'checklist', action: 'fact', key: 'land', value: 'BE' }),
      c.press({ verb: 'checklist', action: 'fact', key: 'age', value: 'u18' }),
    ]);
    const stored = JSON.stringify(await storage.read([`test/lotse-bot/conversations/race-1`]));
    expect(stored).toMatch(/"danger":"no"/);
    expect(stored).toMatch(/"land":"BE"/);
    expect(stored).toMatch(/"age":"u18"/);
  });

  class ConflictingStorage extends MemoryStorage {
    conflicts: number;
    constructor(conflicts: number) {
      super();
      this.conflicts = conflicts;
    }
    override async write(changes: StoreItems): Promise<void> {
      if (this.conflicts > 0 && Object.keys(changes).some((k) => k.includes('/conversations/'))) {
        this.conflicts--;
        throw new Error('Storage: error writing "x" due to eTag conflict.');
      }
      return super.write(changes);
    }
  }

  it('retries a turn once after an eTag conflict, without duplicate replies', async () => {
    const app = buildTestApp({}, { storage: new ConflictingStorage(1) });
    const res = await inject(app, message('Erste Schritte', { conversation: { id: 'conflict-1' } }));
    const sent = replies(res);
    expect(sent).toHaveLength(1);
    expect(cardText(cardOf(sent[0]))).toContain(defs.facts[0].question);
  });

  it('tells the user when the conflict persists', async () => {
    const app = buildTestApp({}, { storage: new ConflictingStorage(5) });
    const sent = await chat(app, 'conflict-2').say('Erste Schritte');
    expect(sent.map((a) => a.text)).toEqual([texts.conflict]);
  });
});

describe('rate limit per conversation', () => {
  it('answers friendly instead of processing once the limit is reached', async () => {
    const app = buildTestApp({ RATE_LIMIT_PER_MINUTE: '3' });
    const c = chat(app, 'rate-1');
    for (let i = 0; i < 3; i++) expect(cardOf((await c.say('Kooperationsvereinbarung Sachsen'))[0])).toBeDefined();
    const [limited] = await c.say('Kooperationsvereinbarung Sachsen');
    expect(limited.text).toBe(texts.rateLimited);
    const other = chat(app, 'rate-2');
    expect(cardOf((await other.say('Kooperationsvereinbarung Sachsen'))[0])).toBeDefined();
  });
});

describe('start-up in production mode', () => {
  it('refuses to start half-configured, naming the missing setting, and exits non-zero', () => {
    let stderr = '';
    const env = { MicrosoftAppId: '00000000-0000-4000-8000-000000000001', MicrosoftAppType: 'SingleTenant', PORT: '0' };
    // src/server.ts's main in-process: it returns the exit code its program exits with, before anything listens.
    expect(startServer(env, (t) => void (stderr += t))).toBe(1);
    expect(stderr).toMatch(/MicrosoftAppTenantId: missing/);
    expect(stderr).toMatch(/MicrosoftAppPassword: missing/);
  });
});
