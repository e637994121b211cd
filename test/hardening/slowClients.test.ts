import net from 'node:net';
import type { AddressInfo } from 'node:net';
import type { LotseApp } from '../../src/app';
import { buildTestApp } from '../helpers/app';

/** Resolves with the ms until the server closed the socket (or undefined if still open after `waitMs`). */
function dribble(port: number, waitMs: number): Promise<{ closedAfter?: number; response: string }> {
  return new Promise((resolve) => {
    const started = Date.now();
    const socket = net.connect(port, '127.0.0.1');
    let response = '';
    let timer: NodeJS.Timeout | undefined;
    const finish = (closedAfter?: number) => {
      clearInterval(timer);
      socket.destroy();
      resolve({ closedAfter, response });
    };
    socket.on('data', (d) => (response += d.toString()));
    socket.on('close', () => finish(Date.now() - started));
    socket.on('error', () => undefined);
    socket.on('connect', () => {
      socket.write('POST /api/messages HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 5000\r\n\r\n{');
      timer = setInterval(() => socket.write(' '), 100);
    });
    setTimeout(() => finish(undefined), waitMs);
  });
}

/** Finding 10: slow clients are cut off, and the number of connections is capped. */
describe('slow clients', () => {
  let app: LotseApp;
  let port: number;
  beforeAll(async () => {
    app = buildTestApp({ HTTP_REQUEST_TIMEOUT_MS: '1000', HTTP_HEADERS_TIMEOUT_MS: '1000', HTTP_MAX_CONNECTIONS: '3' });
    await new Promise<void>((r) => app.server.listen(0, '127.0.0.1', r));
    port = (app.server.address() as AddressInfo).port;
  });
  afterAll(() => app.close());

  it('a client sending its body a byte at a time is cut off within the request timeout', async () => {
    const { closedAfter } = await dribble(port, 6_000);
    expect(closedAfter).toBeDefined();
    expect(closedAfter!).toBeLessThan(3_000);
  });

  it('a client that never finishes its headers is cut off within the headers timeout', async () => {
    const closedAfter = await new Promise<number | undefined>((resolve) => {
      const started = Date.now();
      const socket = net.connect(port, '127.0.0.1', () => socket.write('GET /healthz HTTP/1.1\r\nHost: x\r\n'));
      socket.on('error', () => undefined);
      socket.on('close', () => resolve(Date.now() - started));
      setTimeout(() => {
        socket.destroy();
        resolve(undefined);
      }, 6_000);
    });
    expect(closedAfter).toBeDefined();
    expect(closedAfter!).toBeLessThan(3_000);
  });

  it('refuses connections beyond HTTP_MAX_CONNECTIONS while the others are open', async () => {
    const open = await Promise.all(
      Array.from(
        { length: 3 },
        () =>
          new Promise<net.Socket>((r) => {
            const s = net.connect(port, '127.0.0.1', () => r(s));
            s.on('error', () => undefined);
          }),
      ),
    );
    await new Promise((r) => setTimeout(r, 100));
    const extra = await new Promise<string>((resolve) => {
      const s = net.connect(port, '127.0.0.1', () => s.write('GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n'));
      let data = '';
      s.on('data', (d) => (data += d.toString()));
      s.on('close', () => resolve(data === '' ? 'closed' : data.split('\r\n')[0]));
      s.on('error', () => undefined);
      setTimeout(() => {
        s.destroy();
        resolve('timeout');
      }, 3_000);
    });
    for (const s of open) s.destroy();
    expect(extra).toBe('closed');
    await new Promise((r) => setTimeout(r, 100));
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
  });
});
