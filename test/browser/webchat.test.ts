import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { createApp, type LotseApp } from '../../src/app';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import { realSearch } from '../helpers/knowledge';
import { listen } from '../helpers/app';
import { browserAvailable, CHROMIUM, CHROMIUM_ARGS } from '../helpers/browser';

const run = browserAvailable() ? describe : describe.skip;
const artifacts = path.resolve(__dirname, '..', 'artifacts');

run('web chat page in a real browser (Chromium, Lotse web endpoint)', () => {
  let app: LotseApp;
  let browser: Browser;
  let url: string;

  // One browser for the whole file; each test opens its own context (its own Web Chat session).
  beforeAll(async () => {
    const launching = chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
    app = createApp(loadConfig({ PORT: '0' }), { search: realSearch(), logger: createLogger('silent') });
    url = `${await listen(app)}/`;
    browser = await launching;
    fs.mkdirSync(artifacts, { recursive: true });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  const transcript = (page: Page) => page.locator('#webchat');

  /** A fresh session: its own context, the page loaded and the welcome shown. */
  async function openChat(): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ locale: 'de-DE' });
    const page = await context.newPage();
    await page.goto(url);
    await transcript(page).getByText('Willkommen bei Lotse').waitFor({ timeout: 20_000 });
    return { context, page };
  }

  /** The page's conversation as kept in its own sessionStorage (the only transcript there is). */
  async function kept(page: Page): Promise<{ conversationId: string; token: string; activities: unknown[] }> {
    return JSON.parse((await page.evaluate('sessionStorage.getItem("lotse.webchat")')) as string);
  }

  async function ask(page: Page, text: string) {
    const box = page.getByRole('textbox').first();
    await box.fill(text);
    await box.press('Enter');
  }

  it('welcomes, answers with the source, walks two checklist steps by buttons, and has no serious accessibility problems', async () => {
    const { context, page } = await openChat();
    await expect(page.title()).resolves.toMatch(/Lotse/);
    await expect(page.getByText('Bitte keine Namen oder Kontaktdaten von Betroffenen eingeben').first().isVisible()).resolves.toBe(true);

    await ask(page, 'Wer ist Mitglied der Arbeitsgruppe Arbeitsausbeutung?');
    await transcript(page)
      .getByText(/Gewerkschaften/)
      .first()
      .waitFor({ timeout: 15_000 });
    await transcript(page)
      .getByText(/Quelle: Vernetzung bundesweit/)
      .first()
      .waitFor();

    await transcript(page).getByRole('button', { name: 'Erste Schritte' }).last().click();
    const answers = ['Nein', 'Nordrhein-Westfalen', '21 oder älter', 'Nicht-EU-Staat', 'Sexuelle Ausbeutung'];
    for (const [i, label] of answers.entries()) {
      // Press the button on the card that asks this fact (answer cards also carry "Ja"/"Nein" feedback buttons).
      const factCard = transcript(page)
        .locator('.ac-adaptiveCard', { hasText: `Fallangabe ${i + 1} von ${answers.length}` })
        .last();
      await factCard.waitFor({ timeout: 15_000 });
      await factCard.getByRole('button', { name: label, exact: true }).click();
    }
    await transcript(page)
      .getByRole('button', { name: /Erstkontakt.*erledigt/ })
      .last()
      .click();
    await transcript(page)
      .getByText(/Schritt 1 von \d+/)
      .last()
      .waitFor({ timeout: 15_000 });
    await transcript(page).getByRole('button', { name: 'Erledigt' }).last().click();
    await transcript(page)
      .getByText(/Schritt 2 von \d+/)
      .last()
      .waitFor({ timeout: 15_000 });
    await page.screenshot({ path: path.join(artifacts, 'webchat.png'), fullPage: true });

    // Injected through the DevTools protocol: the page's own CSP (script-src 'self') stays enforced.
    await page.evaluate(fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
    // Evaluated in the page (a string keeps DOM types out of this Node test).
    const violations = (await page.evaluate(
      'axe.run(document, { resultTypes: ["violations"] }).then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length })))',
    )) as Array<{ id: string; impact: string; nodes: number }>;
    expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
    await context.close();
  }, 120_000);

  it('keeps two browser sessions apart: neither sees the other conversation', async () => {
    const [{ context: a, page: pageA }, { context: b, page: pageB }] = await Promise.all([openChat(), openChat()]);
    await ask(pageA, 'Kooperationsvereinbarung Sachsen-Anhalt');
    await ask(pageB, 'Forum Menschenrechte Arbeitsgruppen KOK');
    await transcript(pageA)
      .getByText(/nicht-öffentliche Kooperationsvereinbarung besteht in Sachsen-Anhalt/)
      .first()
      .waitFor({ timeout: 15_000 });
    await transcript(pageB)
      .getByText(/Forum Menschenrechte/)
      .first()
      .waitFor({ timeout: 15_000 });
    // Each session's kept transcript holds its own answer only, and B's token does not open A's conversation.
    const [keptA, keptB] = await Promise.all([kept(pageA), kept(pageB)]);
    expect(JSON.stringify(keptA.activities)).toMatch(/Sachsen-Anhalt/);
    expect(JSON.stringify(keptA.activities)).not.toMatch(/Forum Menschenrechte/);
    expect(JSON.stringify(keptB.activities)).not.toMatch(/Sachsen-Anhalt/);
    const crossed = await fetch(`${url}api/web/conversations/${keptA.conversationId}/activities`, {
      method: 'POST',
      headers: { authorization: `Bearer ${keptB.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'message', text: 'zusammenfassung' }),
    });
    expect(crossed.status).toBe(403);
    await expect(transcript(pageA).textContent()).resolves.not.toMatch(/Forum Menschenrechte/);
    await expect(transcript(pageB).textContent()).resolves.not.toMatch(/Sachsen-Anhalt/);
    await Promise.all([a.close(), b.close()]);
  }, 120_000);

  it('shows the connection state, offers a reload when the server is gone, and says a restart ended the conversation', async () => {
    const own = createApp(loadConfig({ PORT: '0' }), { search: realSearch(), logger: createLogger('silent') });
    const ownUrl = `${await listen(own)}/`;
    const port = new URL(ownUrl).port;
    const context = await browser.newContext({ locale: 'de-DE' });
    const page = await context.newPage();
    let restarted: LotseApp | undefined;
    try {
      await page.goto(ownUrl);
      await transcript(page).getByText('Willkommen bei Lotse').waitFor({ timeout: 20_000 });
      await expect(page.locator('#chat-state').textContent()).resolves.toBe('Verbunden');
      await ask(page, 'Erste Schritte');
      await transcript(page)
        .getByText(/Fallangabe 1 von/)
        .first()
        .waitFor({ timeout: 15_000 });

      await own.close();
      await ask(page, 'weiter');
      await page
        .getByRole('alert')
        .getByText(/Keine Verbindung zu Lotse/)
        .waitFor({ timeout: 15_000 });
      await expect(page.getByRole('alert').getByRole('button', { name: 'Neu laden' }).isVisible()).resolves.toBe(true);

      // Restarted with memory state: the checklist progress is gone, and the page says so instead of "no open checklist".
      restarted = createApp(loadConfig({ PORT: port }), { search: realSearch(), logger: createLogger('silent') });
      await new Promise<void>((resolve) => restarted!.server.listen(Number(port), '127.0.0.1', resolve));
      await page.getByRole('alert').getByRole('button', { name: 'Neu laden' }).click();
      await transcript(page)
        .getByText(/Fallangabe 1 von/)
        .first()
        .waitFor({ timeout: 15_000 });
      await ask(page, 'weiter');
      await page
        .getByRole('alert')
        .getByText(/Lotse wurde neu gestartet; dieses Gespräch ist damit beendet/)
        .waitFor({ timeout: 15_000 });
      await expect(
        transcript(page)
          .getByText(/keine offene Checkliste/)
          .count(),
      ).resolves.toBe(0);
      await page.getByRole('alert').getByRole('button', { name: 'Neues Gespräch beginnen' }).click();
      // The old transcript has a welcome too: wait for it to go (under load the new one renders later), then the new welcome.
      await transcript(page)
        .getByText(/Fallangabe 1 von/)
        .first()
        .waitFor({ state: 'detached', timeout: 20_000 });
      await transcript(page).getByText('Willkommen bei Lotse').first().waitFor({ timeout: 20_000 });
    } finally {
      await context.close();
      await restarted?.close();
      await own.close();
    }
  }, 120_000);
});
