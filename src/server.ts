import dotenv from 'dotenv';
import { ConfigError, loadConfig } from './config';
import { createApp, type LotseApp } from './app';

/**
 * The only place that listens: reads the settings, starts, and shuts down cleanly on SIGINT/SIGTERM.
 * Returns the exit code instead when the settings are incomplete (then nothing is started).
 */
export function main(
  env: Record<string, string | undefined> = process.env,
  stderr: (text: string) => void = (t) => process.stderr.write(t),
): LotseApp | number {
  let config;
  try {
    config = loadConfig(env);
  } catch (err) {
    stderr(`${err instanceof ConfigError ? err.message : String(err)}\n`);
    return 1;
  }
  const app = createApp(config);
  app.server.listen(config.PORT, config.host, () => {
    const address = app.server.address();
    const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${address.port}`;
    app.logger.info({ mode: config.mode, url, passages: app.search.passageCount }, 'Lotse läuft');
    // After the port is open, not before: health checks answer at once, the first question no longer waits.
    setImmediate(() => {
      const since = Date.now();
      const words = app.search.prepare();
      app.logger.info({ ...words, ms: Date.now() - since }, 'Wortlisten geladen');
    });
    if (config.web === 'local') {
      console.log(`Lotse läuft lokal (ohne Azure) auf ${url} – Bot-Endpunkt ${url}/api/messages, Status ${url}/healthz`);
    } else if (config.web === 'selfhosted') {
      console.log(
        `Lotse läuft selbst betrieben (Web-Chat ohne Azure) auf ${config.host}:${address.port} – Widget ${url}/widget.js${config.servesMessages ? ', /api/messages mit Anmeldung' : ', ohne /api/messages'}`,
      );
    }
  });
  const stop = (signal: string) => {
    app.logger.info({ signal }, 'Lotse wird beendet');
    app.server.close(() => process.exit(0));
    setTimeout(() => process.exit(0), 5000).unref();
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  return app;
}

if (require.main === module) {
  dotenv.config();
  const started = main();
  if (typeof started === 'number') process.exit(started);
}
