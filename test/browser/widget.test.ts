import fs from 'node:fs';
import http from 'node:http';
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

/** A host site on its own port (another origin than Lotse's): a page with nothing but some content and the script tag. */
async function hostSite(lotse: string, extra = ''): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(
      `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Intranet der Stadt</title></head><body><main><h1>Intranet</h1><p><a href="/seite2">Zweite Seite</a></p>${extra}</main><script src="${lotse}/widget.js" defer></script></body></html>`,
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** A port that is free now (the host site's origin must be known before Lotse starts, for WIDGET_ORIGINS). */
async function freePort(): Promise<number> {
  const s = http.createServer();
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  const { port } = s.address() as AddressInfo;
  await new Promise((resolve) => s.close(resolve));
  return port;
}

run('the widget on another site (real Chromium)', () => {
  let app: LotseApp;
  let browser: Browser;
  let lotse: string;
  let allowed: { url: string; close: () => Promise<void> };
  let foreign: { url: string; close: () => Promise<void> };

  beforeAll(async () => {
    const launching = chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
    const hostPort = await freePort();
    app = createApp(loadConfig({ PORT: '0', WIDGET_ORIGINS: `http://127.0.0.1:${hostPort}`, RATE_LIMIT_PER_MINUTE: '1000' }), {
      search: realSearch(),
      logger: createLogger('silent'),
    });
    await new Promise<void>((resolve) => app.server.listen(0, '127.0.0.1', resolve));
    lotse = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    const server = http.createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(
        `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Intranet der Stadt</title></head><body><main><h1>Intranet</h1><p><a href="/seite2">Zweite Seite</a></p></main><script src="${lotse}/widget.js" defer></script></body></html>`,
      );
    });
    await new Promise<void>((resolve) => server.listen(hostPort, '127.0.0.1', resolve));
    allowed = { url: `http://127.0.0.1:${hostPort}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
    foreign = await hostSite(lotse, `<iframe title="direkt eingebettet" src="${lotse}/embed"></iframe>`);
    browser = await launching;
    fs.mkdirSync(artifacts, { recursive: true });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await allowed?.close();
    await foreign?.close();
    await app?.close();
  });

  const launcher = (page: Page) => page.getByRole('button', { name: /Lotse fragen/ });
  const chat = (page: Page) => page.frameLocator('iframe[title="Chat mit Lotse"]').locator('#webchat');
  const focusedInWidget = (page: Page) =>
    page.evaluate('document.querySelector("[data-lotse-widget]").shadowRoot.activeElement?.className ?? null');

  async function ask(page: Page, text: string) {
    const box = page.frameLocator('iframe[title="Chat mit Lotse"]').getByRole('textbox').first();
    await box.fill(text);
    await box.press('Enter');
  }

  it('opens from the launcher, answers with its source, survives a reload, closes on Escape, passes axe, and starts fresh on "Gespräch beenden"', async () => {
    const context = await browser.newContext({ locale: 'de-DE' });
    const page = await context.newPage();
    await page.goto(`${allowed.url}/`);
    await launcher(page).click();
    await chat(page).getByText('Lotse ist ein automatisierter Assistent, kein Mensch').first().waitFor({ timeout: 20_000 });
    await chat(page).getByText('Willkommen bei Lotse').first().waitFor();

    await ask(page, 'Wer ist Mitglied der Arbeitsgruppe Arbeitsausbeutung?');
    await chat(page)
      .getByText(/Gewerkschaften/)
      .first()
      .waitFor({ timeout: 15_000 });
    await chat(page)
      .getByText(/Quelle: Vernetzung bundesweit/)
      .first()
      .waitFor();

    // Reload of the host page: the conversation is still there (sessionStorage of Lotse's origin).
    await page.reload();
    await launcher(page).click();
    await chat(page)
      .getByText(/Gewerkschaften/)
      .first()
      .waitFor({ timeout: 15_000 });
    // … and on another page of the same site.
    await page.goto(`${allowed.url}/seite2`);
    await launcher(page).click();
    await chat(page)
      .getByText(/Gewerkschaften/)
      .first()
      .waitFor({ timeout: 15_000 });

    // Escape inside the chat closes the panel and puts the focus back on the launcher.
    await page.frameLocator('iframe[title="Chat mit Lotse"]').getByRole('textbox').first().focus();
    await page.keyboard.press('Escape');
    // The iframe tells the host page by postMessage, so the panel closes a moment later, not at once.
    await page.getByRole('dialog').waitFor({ state: 'hidden', timeout: 5_000 });
    await page.waitForFunction(
      'document.querySelector("[data-lotse-widget]").shadowRoot.activeElement?.className === "launcher"',
      undefined,
      { timeout: 5_000 },
    );
    await expect(focusedInWidget(page)).resolves.toBe('launcher');

    await launcher(page).click();
    await chat(page)
      .getByText(/Gewerkschaften/)
      .first()
      .waitFor();
    await page.screenshot({ path: path.join(artifacts, 'widget.png') });
    await page.evaluate(fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
    const violations = (await page.evaluate(
      'axe.run(document, { resultTypes: ["violations"] }).then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length })))',
    )) as Array<{ id: string; impact: string }>;
    expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);

    // A fresh conversation: the welcome again and nothing of the earlier answer – also after a reload.
    const startsFresh = async () => {
      // The old transcript has a welcome too: wait for the old answer to go before looking for the new welcome.
      await chat(page)
        .getByText(/Gewerkschaften/)
        .first()
        .waitFor({ state: 'detached', timeout: 20_000 });
      await chat(page).getByText('Willkommen bei Lotse').first().waitFor({ timeout: 20_000 });
      await expect(
        chat(page)
          .getByText(/Gewerkschaften/)
          .count(),
      ).resolves.toBe(0);
    };
    await page.getByRole('button', { name: 'Gespräch beenden' }).click();
    await startsFresh();
    await page.reload();
    await launcher(page).click();
    await startsFresh();
    await context.close();
  }, 180_000);

  it('shows a badge on the launcher for a reply that arrives while the panel is closed', async () => {
    const context = await browser.newContext({ locale: 'de-DE' });
    const page = await context.newPage();
    // Hold the bot's answer back a moment, so the panel is closed when it arrives.
    await context.route('**/api/web/conversations/*/activities', async (route) => {
      const response = await route.fetch();
      await new Promise((r) => setTimeout(r, 1500));
      await route.fulfill({ response });
    });
    await page.goto(`${allowed.url}/`);
    await launcher(page).click();
    await chat(page).getByText('Willkommen bei Lotse').first().waitFor({ timeout: 20_000 });
    await ask(page, 'Wer ist Mitglied der Arbeitsgruppe Arbeitsausbeutung?');
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'hidden', timeout: 5_000 });
    await page.getByRole('button', { name: 'Lotse fragen – neue Antwort' }).waitFor({ timeout: 15_000 });
    await expect(page.getByRole('status').textContent()).resolves.toBe('Lotse fragen – neue Antwort');
    await page.getByRole('button', { name: /Lotse fragen/ }).click();
    await chat(page)
      .getByText(/Gewerkschaften/)
      .first()
      .waitFor({ timeout: 15_000 });
    await expect(page.getByRole('button', { name: 'Lotse fragen – neue Antwort' }).count()).resolves.toBe(0);
    await context.close();
  }, 60_000);

  // 640 × 360 CSS pixels is a 1280 × 720 screen at 200 % zoom.
  it.each([
    [320, 640],
    [640, 360],
  ])(
    'works at %i × %i CSS px (small screen, 200 %% zoom): the panel fills the screen and the send box is usable',
    async (width, height) => {
      const context = await browser.newContext({ locale: 'de-DE', viewport: { width, height } });
      const page = await context.newPage();
      await page.goto(`${allowed.url}/`);
      await launcher(page).click();
      await chat(page).getByText('Willkommen bei Lotse').first().waitFor({ timeout: 20_000 });
      const box = await page.getByRole('dialog').boundingBox();
      expect(box).toMatchObject({ x: 0, y: 0, width, height });
      await expect(page.frameLocator('iframe[title="Chat mit Lotse"]').getByRole('textbox').first().isVisible()).resolves.toBe(true);
      await context.close();
    },
    60_000,
  );

  it('gives a host origin not in WIDGET_ORIGINS no working chat: no launcher, and the chat page refuses to be framed', async () => {
    const context = await browser.newContext({ locale: 'de-DE' });
    const page = await context.newPage();
    const refused = page.waitForEvent('console', { predicate: (m) => /nicht freigegeben/.test(m.text()), timeout: 10_000 });
    await page.goto(`${foreign.url}/`);
    await refused;
    await expect(launcher(page).count()).resolves.toBe(0);
    // The directly framed chat page is blocked by frame-ancestors: no Web Chat inside.
    await page.waitForTimeout(1500);
    const framed = page.frames().find((f) => f.url().startsWith(lotse));
    const hasChat = framed ? await framed.evaluate('!!document.querySelector("#webchat")').catch(() => false) : false;
    expect(hasChat).toBe(false);
    await context.close();
  }, 60_000);
});
