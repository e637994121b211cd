import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createApp, type LotseApp } from '../../src/app';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import { realSearch } from '../helpers/knowledge';
import { browserAvailable, CHROMIUM, CHROMIUM_ARGS } from '../helpers/browser';

const run = browserAvailable() ? describe : describe.skip;
const artifacts = path.resolve(__dirname, '..', 'artifacts');

run('web chat in a real browser (Chromium, embedded Direct Line)', () => {
  let app: LotseApp;
  let browser: Browser;
  let url: string;

  beforeAll(async () => {
    app = createApp(loadConfig({ PORT: '0' }), { search: realSearch(), logger: createLogger('silent') });
    await new Promise<void>((resolve) => app.server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}/`;
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
    fs.mkdirSync(artifacts, { recursive: true });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  const transcript = (page: Page) => page.locator('#webchat');

  async function ask(page: Page, text: string) {
    const box = page.getByRole('textbox').first();
    await box.fill(text);
    await box.press('Enter');
  }

  it('welcomes, answers with the source, walks two checklist steps by buttons, and has no serious accessibility problems', async () => {
    const page = await browser.newPage({ locale: 'de-DE' });
    await page.goto(url);
    await expect(page.title()).resolves.toMatch(/Lotse/);
    await transcript(page).getByText('Willkommen bei Lotse').waitFor({ timeout: 20_000 });
    await expect(page.getByText('Bitte keine Namen oder Kontaktdaten von Betroffenen eingeben').first().isVisible()).resolves.toBe(true);

    await ask(page, 'Wer ist Mitglied der Arbeitsgruppe Arbeitsausbeutung?');
    await transcript(page).getByText(/Gewerkschaften/).first().waitFor({ timeout: 15_000 });
    await transcript(page).getByText(/Quelle: Vernetzung bundesweit/).first().waitFor();

    await transcript(page).getByRole('button', { name: 'Erste Schritte' }).last().click();
    const answers = ['Nein', 'Nordrhein-Westfalen', '21 oder älter', 'Nicht-EU-Staat', 'Sexuelle Ausbeutung'];
    for (const [i, label] of answers.entries()) {
      // Press the button on the card that asks this fact (answer cards also carry "Ja"/"Nein" feedback buttons).
      const factCard = transcript(page).locator('.ac-adaptiveCard', { hasText: `Fallangabe ${i + 1} von ${answers.length}` }).last();
      await factCard.waitFor({ timeout: 15_000 });
      await factCard.getByRole('button', { name: label, exact: true }).click();
    }
    await transcript(page).getByRole('button', { name: /Erstkontakt.*erledigt/ }).last().click();
    await transcript(page).getByText(/Schritt 1 von \d+/).last().waitFor({ timeout: 15_000 });
    await transcript(page).getByRole('button', { name: 'Erledigt' }).last().click();
    await transcript(page).getByText(/Schritt 2 von \d+/).last().waitFor({ timeout: 15_000 });
    await page.screenshot({ path: path.join(artifacts, 'webchat.png'), fullPage: true });

    // Injected through the DevTools protocol: the page's own CSP (script-src 'self') stays enforced.
    await page.evaluate(fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
    // Evaluated in the page (a string keeps DOM types out of this Node test).
    const violations = (await page.evaluate(
      'axe.run(document, { resultTypes: ["violations"] }).then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length })))',
    )) as Array<{ id: string; impact: string; nodes: number }>;
    expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
    await page.close();
  }, 120_000);

  it('keeps two browser sessions apart: neither sees the other conversation', async () => {
    const a = await browser.newContext({ locale: 'de-DE' });
    const b = await browser.newContext({ locale: 'de-DE' });
    const pageA = await a.newPage();
    const pageB = await b.newPage();
    await Promise.all([pageA.goto(url), pageB.goto(url)]);
    await transcript(pageA).getByText('Willkommen bei Lotse').waitFor({ timeout: 20_000 });
    await transcript(pageB).getByText('Willkommen bei Lotse').waitFor({ timeout: 20_000 });
    await ask(pageA, 'Kooperationsvereinbarung Sachsen-Anhalt');
    await ask(pageB, 'Forum Menschenrechte Arbeitsgruppen KOK');
    await transcript(pageA).getByText(/nicht-öffentliche Kooperationsvereinbarung besteht in Sachsen-Anhalt/).first().waitFor({ timeout: 15_000 });
    await transcript(pageB).getByText(/Forum Menschenrechte/).first().waitFor({ timeout: 15_000 });
    await new Promise((r) => setTimeout(r, 1500));
    await expect(transcript(pageA).textContent()).resolves.not.toMatch(/Forum Menschenrechte/);
    await expect(transcript(pageB).textContent()).resolves.not.toMatch(/Sachsen-Anhalt/);
    await Promise.all([a.close(), b.close()]);
  }, 120_000);
});
