import { createApp } from '../src/app';
import { loadConfig } from '../src/config';

/**
 * The bot as `npm start` runs it (local mode, real knowledge base), on a free port of 127.0.0.1, started as a
 * child process by the benchmark so the load generator does not share its event loop. Reports the port over
 * IPC; answers {cmd: 'rss'} with its resident set size; exits when the parent disconnects.
 */
// The load generator starts many web conversations from one address: lift the per-client start limit.
const app = createApp(
  loadConfig({
    LOG_LEVEL: 'silent',
    WEB_CONVERSATIONS_PER_MINUTE: '1000000',
    WEB_CONVERSATIONS_PER_MINUTE_TOTAL: '1000000',
    ...(process.env.KB_INDEX_PATH ? { KB_INDEX_PATH: process.env.KB_INDEX_PATH } : {}),
  }),
);
app.server.listen(0, '127.0.0.1', () => {
  const address = app.server.address() as { port: number };
  process.send?.({ port: address.port, passages: app.search.passageCount });
});
process.on('message', (msg: { cmd?: string }) => {
  if (msg?.cmd === 'rss') process.send?.({ rss: process.memoryUsage().rss });
});
process.on('disconnect', () => process.exit(0));
