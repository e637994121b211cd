import { Writable } from 'node:stream';
import type { AddressInfo } from 'node:net';
import { createLogger } from '../../src/logger';
import { buildTestApp, message } from '../helpers/app';

const NAME = 'Svetlana Beispielowa';
const PHONE = '0176 5550 1234';

describe('logs without content', () => {
  it('a whole conversation with a name and a phone number leaves neither in the logs', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _enc, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const app = buildTestApp({ LOG_LEVEL: 'debug' }, { logger: createLogger('debug', sink) });
    await new Promise<void>((r) => app.server.listen(0, '127.0.0.1', r));
    const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    const post = (body: unknown) => fetch(`${base}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const conversation = { id: `Fall ${NAME}`, name: `Fallbesprechung ${NAME}` };
    const from = { id: 'u1', name: NAME };
    try {
      await post(message(undefined, { type: 'conversationUpdate', membersAdded: [{ id: 'u1', name: NAME }], conversation, from }));
      await post(message(`Frau ${NAME}, Telefon ${PHONE}, wurde in Bielefeld ausgebeutet. Was tun?`, { conversation, from }));
      await post(message('Erste Schritte', { conversation, from }));
      await post(message(undefined, { conversation, from, value: { verb: 'checklist', action: 'fact', key: 'land', value: NAME } }));
      await post(message(`${NAME} ${PHONE}`.repeat(200), { conversation, from }));
      await post({ ...message(`Hallo ${NAME}`, { conversation, from }), type: undefined });
      await post(message('Zusammenfassung', { conversation, from }));
      // Searches of the Teams message extension: the query text is user input like any message.
      const extension = (value: unknown) =>
        message(undefined, { type: 'invoke', name: 'composeExtension/query', channelId: 'msteams', deliveryMode: undefined, conversation, from, value });
      for (const query of [`Bedenkfrist ${NAME}`, `${NAME} ${PHONE}`, `${NAME} ${PHONE} `.repeat(300), `<script>${NAME}</script>`]) {
        const res = await post(extension({ commandId: 'searchLotse', parameters: [{ name: 'searchQuery', value: query }], queryOptions: { skip: 0, count: 25 } }));
        expect(res.status).toBe(200);
      }
      await post(extension({ commandId: 'searchLotse', parameters: `${NAME} ${PHONE}` }));
      // A reply to a dead serviceUrl makes the turn fail: the error log must not carry content either.
      await post(message(`Notfall ${NAME}`, { conversation, from, deliveryMode: 'normal', serviceUrl: 'http://127.0.0.1:9' }));
    } finally {
      await app.close();
    }
    const all = lines.join('');
    expect(lines.length).toBeGreaterThan(5);
    expect(all).toMatch(/"route":"\/api\/messages"/);
    for (const secret of [NAME, 'Beispielowa', PHONE, PHONE.replace(/ /g, ''), '5550']) expect(all).not.toContain(secret);
  });
});
