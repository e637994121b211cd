import { createApp, type LotseApp } from '../../src/app';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import { loadDialogContent } from '../../dialogs/content';
import { loadTexts } from '../../dialogs/texts';
import { startAzurite } from '../helpers/azurite';
import { realSearch } from '../helpers/knowledge';
import { cardOf, cardText } from '../helpers/app';
import { chat } from '../helpers/chat';
import { CASES } from '../helpers/cases';

const texts = loadTexts().de;
const defs = loadDialogContent();
describe('scale-out state on Azure Blob storage (real Azurite)', () => {
  let azurite: Awaited<ReturnType<typeof startAzurite>>;
  let a: LotseApp;
  let b: LotseApp;

  beforeAll(async () => {
    azurite = await startAzurite();
    const env = {
      STORAGE: 'blob',
      BLOB_CONNECTION_STRING: azurite.connectionString,
      BLOB_CONTAINER: 'lotse-state',
      RATE_LIMIT_PER_MINUTE: '10000',
    };
    // Two instances on the same container, as behind a load balancer.
    a = createApp(loadConfig(env), { search: realSearch(), logger: createLogger('silent') });
    b = createApp(loadConfig(env), { search: realSearch(), logger: createLogger('silent') });
  }, 60_000);

  afterAll(async () => {
    await a?.close();
    await b?.close();
    await azurite?.remove();
  });

  // The same conversation, reached through either instance.
  const say = (app: LotseApp, text: string) => chat(app, 'blob-conversation-1').say(text);
  const press = (app: LotseApp, value: Record<string, unknown>) => chat(app, 'blob-conversation-1').press(value);

  it('starts a checklist on instance A and finishes it on instance B', async () => {
    await say(a, 'Erste Schritte');
    for (const [i, def] of defs.facts.entries())
      await press(i % 2 ? b : a, { verb: 'checklist', action: 'fact', key: def.key, value: CASES[0].facts[def.key] });
    let [reply] = await press(b, { verb: 'checklist', action: 'open', checklistId: 'unterkunft' });
    const total = Number(/Schritt 1 von (\d+)/.exec(cardText(cardOf(reply)))?.[1]);
    expect(total).toBeGreaterThan(1);
    // Step buttons name their step (a click on an older card must not tick another one): press the card's own button.
    for (let i = 0; i < total; i++)
      [reply] = await press(i % 2 ? a : b, cardOf(reply).actions.find((x: any) => x.data?.action === 'done').data);
    expect(cardText(cardOf(reply))).toContain('abgeschlossen');
    const [summary] = await say(a, 'Zusammenfassung');
    expect(cardText(cardOf(summary))).toMatch(/Nordrhein-Westfalen/);
  }, 60_000);

  it('says "temporarily unavailable" while Azurite is down, survives, and continues once it is back', async () => {
    await press(a, { verb: 'checklist', action: 'open', checklistId: 'aufenthalt' });
    await azurite.stop();
    const [down] = await say(a, 'weiter');
    expect(down.text).toBe(texts.storageUnavailable);
    const [downB] = await say(b, 'Kooperationsvereinbarung Sachsen');
    expect(downB.text).toBe(texts.storageUnavailable);
    await azurite.start();
    const [back] = await say(b, 'weiter');
    expect(cardText(cardOf(back))).toMatch(/Aufenthalt klären · Schritt 1 von/);
  }, 90_000);
});
