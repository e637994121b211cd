import { PRODUCTION_ENV } from '../helpers/app';
import os from 'node:os';
import { createApp, type LotseApp } from '../../src/app';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import { main } from '../../src/server';
import { loadDialogContent } from '../../dialogs/content';
import { realSearch } from '../helpers/knowledge';
import { CASES } from '../helpers/cases';
import { openWeb } from '../helpers/web';
import { startAzurite } from '../helpers/azurite';

const SECRET = 'test-secret-for-two-instances-0123456789abcdef';
const PROD = PRODUCTION_ENV;

/** This machine's first non-loopback IPv4 address: the self-hosted mode must work when reached from the network. */
function publicAddress(): string | undefined {
  return Object.values(os.networkInterfaces())
    .flat()
    .find((i) => i && i.family === 'IPv4' && !i.internal)?.address;
}

async function started(app: LotseApp): Promise<string> {
  if (!app.server.server.listening) await new Promise((resolve) => app.server.server.once('listening', resolve));
  const { address, port } = app.server.address();
  return `http://${address}:${port}`;
}

const text = (activities: any[]) => JSON.stringify(activities.map((a) => a.attachments?.[0]?.content ?? a.text));
const address = publicAddress();
const run = address ? describe : describe.skip;

run('self-hosted web mode on a non-loopback interface', () => {
  it('started as the README says (WEB_MODE=selfhosted): the web chat works over the network address, /api/messages is not served', async () => {
    const app = main({ WEB_MODE: 'selfhosted', HOST: address, PORT: '0', LOG_LEVEL: 'silent' }, () => undefined);
    if (typeof app === 'number') throw new Error('did not start');
    try {
      const base = await started(app);
      expect(base).toContain(address!);
      const c = await openWeb(base);
      expect(text(c.activities)).toMatch(/Lotse ist ein automatisierter Assistent/);
      const r = await c.send({ type: 'message', text: 'Kooperationsvereinbarung Sachsen-Anhalt' });
      expect(text(r.body.activities)).toMatch(/Quelle: Kooperationsvereinbarungen auf Länderebene/);
      const other = await openWeb(base);
      expect((await c.send({ type: 'message', text: 'x' }, other.token())).status).toBe(403);
      expect(
        (await fetch(c.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"type":"message","text":"x"}' }))
          .status,
      ).toBe(401);
      const messages = await fetch(`${base}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"type":"message"}',
      });
      expect(messages.status).toBe(404);
      // Not local mode: no Host check, no feedback report for anyone on the network.
      expect((await fetch(`${base}/api/feedback/report`)).status).toBe(404);
    } finally {
      await app.close();
    }
  }, 60_000);

  it('with an app id: /api/messages without a Bot Framework token gets 401, the web chat still works', async () => {
    const app = main({ ...PROD, WEB_MODE: 'selfhosted', HOST: address, PORT: '0', LOG_LEVEL: 'silent' }, () => undefined);
    if (typeof app === 'number') throw new Error('did not start');
    try {
      const base = await started(app);
      const messages = await fetch(`${base}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          type: 'message',
          text: 'x',
          channelId: 'test',
          conversation: { id: 'c' },
          serviceUrl: 'https://evil.example',
        }),
      });
      expect(messages.status).toBe(401);
      const c = await openWeb(base);
      expect((await c.send({ type: 'message', text: 'hilfe' })).status).toBe(200);
      expect((await fetch(`${base}/api/directline/token`, { method: 'POST' })).status).toBe(404);
    } finally {
      await app.close();
    }
  }, 60_000);
});

run('two self-hosted instances on one blob container (real Azurite) serve one conversation alternately', () => {
  let azurite: Awaited<ReturnType<typeof startAzurite>>;
  const apps: LotseApp[] = [];
  const bases: string[] = [];

  beforeAll(async () => {
    azurite = await startAzurite();
    const env = {
      WEB_MODE: 'selfhosted',
      WEB_TOKEN_SECRET: SECRET,
      STORAGE: 'blob',
      BLOB_CONNECTION_STRING: azurite.connectionString,
      BLOB_CONTAINER: 'lotse-web',
      RATE_LIMIT_PER_MINUTE: '10000',
    };
    for (let i = 0; i < 2; i++) {
      const app = createApp(loadConfig(env), { search: realSearch(), logger: createLogger('silent') });
      await new Promise<void>((resolve) => app.server.listen(0, address, resolve));
      apps.push(app);
      bases.push(`http://${address}:${app.server.address().port}`);
    }
  }, 60_000);

  afterAll(async () => {
    await Promise.all(apps.map((a) => a.close()));
    await azurite?.remove();
  });

  it("walks the fact questions through A and B in turn, and two interleaved conversations never get each other's replies", async () => {
    const defs = loadDialogContent();
    const one = await openWeb(bases[0]);
    const two = await openWeb(bases[1]);
    // The token is the same on both instances: any instance can serve the next turn.
    const via = (c: typeof one, i: number) => (body: unknown) =>
      fetch(c.url.replace(/^http:\/\/[^/]+/, bases[i % 2]), {
        method: 'POST',
        headers: { authorization: `Bearer ${c.token()}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      }).then(async (r) => ({ status: r.status, body: (await r.json()) as any }));
    expect(text((await one.send({ type: 'message', text: 'Erste Schritte' })).body.activities)).toMatch(/Fallangabe 1 von/);
    expect(text((await via(two, 0)({ type: 'message', text: 'Kooperationsvereinbarung Sachsen-Anhalt' })).body.activities)).toMatch(
      /Sachsen-Anhalt/,
    );
    for (const [i, def] of defs.facts.entries()) {
      const r = await via(
        one,
        i + 1,
      )({ type: 'message', value: { verb: 'checklist', action: 'fact', key: def.key, value: CASES[0].facts[def.key] } });
      expect(r.status).toBe(200);
      const shown = text(r.body.activities);
      expect(shown).not.toMatch(/Forum Menschenrechte/);
      if (i + 1 < defs.facts.length) expect(shown).toMatch(new RegExp(`Fallangabe ${i + 2} von`));
      // The other conversation, on the other instance, in between.
      const o = await via(two, i)({ type: 'message', text: 'Forum Menschenrechte Arbeitsgruppen KOK' });
      expect(text(o.body.activities)).toMatch(/Forum Menschenrechte/);
      expect(text(o.body.activities)).not.toMatch(/Fallangabe/);
    }
    const summary = await via(one, 1)({ type: 'message', text: 'Zusammenfassung' });
    expect(text(summary.body.activities)).toMatch(/Nordrhein-Westfalen/);
    const otherSummary = await via(two, 0)({ type: 'message', text: 'Zusammenfassung' });
    expect(text(otherSummary.body.activities)).not.toMatch(/Nordrhein-Westfalen/);
  }, 120_000);
});
