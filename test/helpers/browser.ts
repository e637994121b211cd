import fs from 'node:fs';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Flags for a root, offline, headless Chromium (see the machine notes): no sandbox, no background traffic. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/**
 * Whether browser tests can run. CI sets LOTSE_REQUIRE_BROWSER=1, which turns a missing browser into a
 * failure; elsewhere the tests are skipped with a loud notice, never silently.
 */
export function browserAvailable(): boolean {
  if (fs.existsSync(CHROMIUM)) return true;
  const message = `Chromium fehlt unter ${CHROMIUM}: Browser-Tests übersprungen. Installieren mit: sudo apt-get install -y chromium`;
  if (process.env.LOTSE_REQUIRE_BROWSER === '1') throw new Error(`${message} (LOTSE_REQUIRE_BROWSER=1 verlangt den Browser)`);
  console.warn(`\n\n*** ${message} ***\n`);
  return false;
}
