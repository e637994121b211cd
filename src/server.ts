import 'dotenv/config';
import { ConfigError, loadConfig } from './config';
import { createApp } from './app';

/** The only place that listens: reads the environment, starts, and shuts down cleanly on SIGINT/SIGTERM. */
function main(): void {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    console.error(err instanceof ConfigError ? err.message : err);
    process.exit(1);
  }
  const app = createApp(config);
  app.server.listen(config.PORT, config.host, () => {
    const address = app.server.address();
    const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${address.port}`;
    app.logger.info({ mode: config.mode, url, passages: app.search.passageCount }, 'Lotse läuft');
    if (config.mode === 'local') {
      console.log(`Lotse läuft lokal (ohne Azure) auf ${url} – Bot-Endpunkt ${url}/api/messages, Status ${url}/healthz`);
    }
  });
  const stop = (signal: string) => {
    app.logger.info({ signal }, 'Lotse wird beendet');
    app.server.close(() => process.exit(0));
    setTimeout(() => process.exit(0), 5000).unref();
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main();
