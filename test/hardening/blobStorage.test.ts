import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createApp, type LotseApp } from '../../src/app';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import { loadDialogContent } from '../../dialogs/content';
import { loadTexts } from '../../dialogs/texts';
import { realSearch } from '../helpers/knowledge';
import { cardOf, cardText } from '../helpers/app';
import { chat } from '../helpers/chat';
import { CASES } from '../helpers/cases';

const texts = loadTexts().de;
const defs = loadDialogContent();
const AZURITE = path.resolve(__dirname, '../../node_modules/.bin/azurite-blob');
// Azurite's well-known development account (public, documented by Microsoft).
const DEV_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

/** Waits until the port accepts (or refuses) connections; a slow, busy machine gets time, a crashed Azurite does not. */
async function waitForPort(port: number, up: boolean, proc?: ChildProcess, timeoutMs = 45_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1', () => {
        socket.destroy();
        resolve(true);
      });
      socket.on('error', () => resolve(false));
    });
    if (open === up) return;
    if (up && proc && proc.exitCode !== null) throw new Error(`Azurite exited with code ${proc.exitCode} before listening on port ${port}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`Azurite port ${port} did not become ${up ? 'ready' : 'free'} within ${timeoutMs / 1000} s`);
}

describe('scale-out state on Azure Blob storage (real Azurite)', () => {
  let port: number;
  let location: string;
  let azurite: ChildProcess | undefined;
  let a: LotseApp;
  let b: LotseApp;

  async function startAzurite() {
    // Persisted to a temporary folder, so stopping and restarting it is an outage, not data loss.
    azurite = spawn(
      AZURITE,
      [
        '--blobHost',
        '127.0.0.1',
        '--blobPort',
        String(port),
        '--location',
        location,
        '--disableTelemetry',
        '--skipApiVersionCheck',
        '--silent',
      ],
      { stdio: 'ignore' },
    );
    await waitForPort(port, true, azurite);
  }
  async function stopAzurite() {
    const proc = azurite!;
    const exited = new Promise((r) => proc.once('exit', r));
    proc.kill('SIGTERM');
    await exited;
    await waitForPort(port, false);
  }

  beforeAll(async () => {
    port = await freePort();
    location = fs.mkdtempSync(path.join(os.tmpdir(), 'lotse-azurite-'));
    await startAzurite();
    const env = {
      STORAGE: 'blob',
      BLOB_CONNECTION_STRING: `DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=${DEV_KEY};BlobEndpoint=http://127.0.0.1:${port}/devstoreaccount1;`,
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
    // Azurite may still be writing its files while it shuts down: wait for its exit before removing them.
    if (azurite && azurite.exitCode === null) {
      const exited = new Promise((resolve) => azurite!.once('exit', resolve));
      azurite.kill('SIGTERM');
      await exited;
    }
    fs.rmSync(location, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
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
    await stopAzurite();
    const [down] = await say(a, 'weiter');
    expect(down.text).toBe(texts.storageUnavailable);
    const [downB] = await say(b, 'Kooperationsvereinbarung Sachsen');
    expect(downB.text).toBe(texts.storageUnavailable);
    await startAzurite();
    const [back] = await say(b, 'weiter');
    expect(cardText(cardOf(back))).toMatch(/Aufenthalt klären · Schritt 1 von/);
  }, 90_000);
});
