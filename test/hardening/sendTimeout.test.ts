import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadTexts } from '../../dialogs/texts';
import { buildTestApp, inject, message, replies } from '../helpers/app';

const texts = loadTexts().de;

/** Finding 5: a channel that accepts a reply and never answers must not hold the conversation. */
describe('send timeout', () => {
  let channel: http.Server;
  let serviceUrl: string;
  const received: string[] = [];

  beforeAll(async () => {
    // Accepts every request, reads it, never answers.
    channel = http.createServer((req) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => received.push(body));
    });
    await new Promise<void>((r) => channel.listen(0, '127.0.0.1', r));
    serviceUrl = `http://127.0.0.1:${(channel.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    channel.closeAllConnections();
    await new Promise((r) => channel.close(r));
  });

  it('gives up after SEND_TIMEOUT_MS, tries to tell the user, and the next message of the conversation is answered', async () => {
    const app = buildTestApp({ SEND_TIMEOUT_MS: '400' });
    const conversation = { id: 'stuck-1' };
    const started = Date.now();
    const stuck = inject(app, message('Hilfe', { conversation, deliveryMode: 'normal', serviceUrl }));
    const next = inject(app, message('Hilfe', { conversation }));
    await stuck;
    expect(Date.now() - started).toBeLessThan(5_000);
    const answered = await next;
    expect(Date.now() - started).toBeLessThan(8_000);
    expect(replies(answered).length).toBeGreaterThan(0);
    // The channel got the reply attempt and then the plain notice (which it also never confirmed).
    expect(received.some((b) => b.includes(JSON.stringify(texts.sendTimeout).slice(1, -1)))).toBe(true);
  }, 20_000);
});
