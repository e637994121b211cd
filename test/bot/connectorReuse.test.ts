import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildTestApp, inject, message, PRODUCTION_ENV } from '../helpers/app';

/** Issue 17, item 13: the SDK built a new connector client (with its own HTTP pipeline) for every turn. */
describe('connector clients are reused across turns', () => {
  let channel: http.Server;
  const received: Array<{ url: string; body: string }> = [];
  let base: string;

  beforeAll(async () => {
    // A channel that accepts every reply.
    channel = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        received.push({ url: req.url ?? '', body });
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"id":"r"}');
      });
    });
    await new Promise<void>((r) => channel.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(channel.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    channel.closeAllConnections();
    await new Promise((r) => channel.close(r));
  });

  it('one client per serviceUrl serves every turn and conversation, and every reply still reaches its channel', async () => {
    const app = buildTestApp();
    const clients: unknown[] = [];
    app.adapter.use(async (context, next) => {
      clients.push(context.turnState.get(app.adapter.ConnectorClientKey));
      await next();
    });
    const send = (serviceUrl: string, conversation: string) =>
      inject(app, message('Hilfe', { deliveryMode: 'normal', serviceUrl, conversation: { id: conversation } }));
    received.length = 0;
    for (const [url, conversation] of [
      [`${base}/a/`, 'reuse-1'],
      [`${base}/a/`, 'reuse-2'],
      [`${base}/b/`, 'reuse-1'],
      [`${base}/a/`, 'reuse-3'],
    ])
      expect((await send(url, conversation)).status).toBe(200);
    expect(clients).toHaveLength(4);
    expect(clients[0]).toBeDefined();
    expect(clients[1]).toBe(clients[0]);
    expect(clients[3]).toBe(clients[0]);
    expect(clients[2]).not.toBe(clients[0]);
    // Each reply went to its own serviceUrl and conversation.
    const to = (prefix: string, conversation: string) =>
      received.filter((r) => r.url.startsWith(`${prefix}v3/conversations/${conversation}/activities`)).length;
    expect([to('/a/', 'reuse-1'), to('/a/', 'reuse-2'), to('/b/', 'reuse-1'), to('/a/', 'reuse-3')]).toEqual([1, 1, 1, 1]);
    await app.close();
  });

  it('production still authenticates every request: a reused client does not let an unauthenticated one through', async () => {
    const app = buildTestApp(PRODUCTION_ENV);
    const ran: unknown[] = [];
    app.adapter.use(async (context, next) => {
      ran.push(context.activity.id);
      await next();
    });
    for (let i = 0; i < 2; i++) {
      const res = await inject(app, message('Hilfe', { serviceUrl: 'https://smba.trafficmanager.net/emea/' }), {
        authorization: 'Bearer not-a-valid-token',
      });
      expect(res.status).toBe(401);
    }
    expect(ran).toEqual([]);
    await app.close();
  });
});
