import { Writable } from 'node:stream';
import { MemoryStorage, type StoreItems } from 'botbuilder';
import { createLogger } from '../../src/logger';
import { buildTestApp, message, withServer } from '../helpers/app';

const NAME = 'Svetlana Beispielowa';
const PHONE = '0176 5550 1234';

/** A store that, once switched to failing, throws errors quoting what it was asked for (keys hold the conversation id). */
class FailingStorage extends MemoryStorage {
  failing = false;
  override async read(keys: string[]): Promise<StoreItems> {
    if (this.failing) throw new Error(`cannot read ${keys.join(', ')}`);
    return super.read(keys);
  }
  override async write(changes: StoreItems): Promise<void> {
    if (this.failing) throw new Error(`cannot write ${JSON.stringify(changes)}`);
    return super.write(changes);
  }
}

describe('logs without content', () => {
  it('a whole conversation with a name and a phone number leaves neither in the logs, also when a turn fails', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _enc, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const storage = new FailingStorage();
    const app = buildTestApp({ LOG_LEVEL: 'debug' }, { logger: createLogger('debug', sink), storage });
    const conversation = { id: `Fall ${NAME}`, name: `Fallbesprechung ${NAME}` };
    const from = { id: 'u1', name: NAME };
    const statuses = await withServer(app, async (base) => {
      const post = async (body: unknown) =>
        (
          await fetch(`${base}/api/messages`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(body),
          })
        ).status;
      const seen = [
        await post(message(undefined, { type: 'conversationUpdate', membersAdded: [{ id: 'u1', name: NAME }], conversation, from })),
        await post(message(`Frau ${NAME}, Telefon ${PHONE}, wurde in Bielefeld ausgebeutet. Was tun?`, { conversation, from })),
        await post(message('Erste Schritte', { conversation, from })),
        await post(message(undefined, { conversation, from, value: { verb: 'checklist', action: 'fact', key: 'land', value: NAME } })),
        await post(message(`${NAME} ${PHONE}`.repeat(200), { conversation, from })),
        await post({ ...message(`Hallo ${NAME}`, { conversation, from }), type: undefined }),
        await post(message('Zusammenfassung', { conversation, from })),
      ];
      // Searches of the Teams message extension: the query text is user input like any message.
      const extension = (value: unknown) =>
        message(undefined, {
          type: 'invoke',
          name: 'composeExtension/query',
          channelId: 'msteams',
          deliveryMode: undefined,
          conversation,
          from,
          value,
        });
      for (const query of [`Bedenkfrist ${NAME}`, `${NAME} ${PHONE}`, `${NAME} ${PHONE} `.repeat(300), `<script>${NAME}</script>`]) {
        expect(
          await post(
            extension({
              commandId: 'searchLotse',
              parameters: [{ name: 'searchQuery', value: query }],
              queryOptions: { skip: 0, count: 25 },
            }),
          ),
        ).toBe(200);
      }
      expect(await post(extension({ commandId: 'searchLotse', parameters: `${NAME} ${PHONE}` }))).toBe(200);
      // A failing store makes the turn fail; its error message quotes the conversation: the error log must not.
      storage.failing = true;
      seen.push(await post(message(`Notfall ${NAME}`, { conversation, from })));
      return seen;
    });
    // Request ids and timestamps are random digits and hex: they may hold "5550" by chance, so they are left out of the search.
    const all = lines.join('').replace(/"(reqId|time)":("[^"]*"|[0-9]+)/g, '');
    expect(statuses).toEqual([200, 200, 200, 200, 200, 400, 200, 200]);
    expect(all).toMatch(/"msg":"turn failed"/);
    expect(lines.length).toBeGreaterThan(5);
    expect(all).toMatch(/"route":"\/api\/messages"/);
    for (const secret of [NAME, 'Beispielowa', PHONE, PHONE.replace(/ /g, ''), '5550']) expect(all).not.toContain(secret);
  });
});
