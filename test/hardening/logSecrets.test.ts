import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import { openWeb } from '../helpers/web';
import { Writable } from 'node:stream';
import { createLogger } from '../../src/logger';
import { buildTestApp, message, PRODUCTION_ENV } from '../helpers/app';

const SECRET = 'eyJhbGciOiJSUzI1NiJ9.Geheimes-Token-4711';
const PRODUCTION = PRODUCTION_ENV;

/** Everything written to fd 1 and 2 in this process (pino's sonic-boom writes with fs.writeSync), plus console. */
function captureOutput(): { text: () => string; restore: () => void } {
  const chunks: string[] = [];
  const keep = (chunk: unknown) =>
    chunks.push(typeof chunk === 'string' ? chunk : Buffer.isBuffer(chunk) ? chunk.toString() : String(chunk));
  const spies = [
    jest.spyOn(process.stdout, 'write').mockImplementation((c: any) => (keep(c), true)),
    jest.spyOn(process.stderr, 'write').mockImplementation((c: any) => (keep(c), true)),
    jest.spyOn(fs, 'writeSync').mockImplementation(((fd: number, c: any) => {
      keep(c);
      return typeof c === 'string' ? c.length : (c?.length ?? 0);
    }) as any),
    jest.spyOn(fs, 'write').mockImplementation(((fd: number, c: any, ...rest: any[]) => {
      keep(c);
      const cb = rest.find((r) => typeof r === 'function');
      cb?.(null, typeof c === 'string' ? c.length : (c?.length ?? 0));
    }) as any),
    ...(['log', 'info', 'warn', 'error', 'debug', 'trace'] as const).map((m) =>
      jest
        .spyOn(console, m)
        .mockImplementation((...args: unknown[]) =>
          keep(args.map((a) => (a instanceof Error ? a.stack : typeof a === 'string' ? a : JSON.stringify(a))).join(' ')),
        ),
    ),
  ];
  return { text: () => chunks.join('\n'), restore: () => spies.forEach((s) => s.mockRestore()) };
}

function sink(): { stream: Writable; lines: string[] } {
  const lines: string[] = [];
  return {
    lines,
    stream: new Writable({
      write(chunk, _enc, done) {
        lines.push(chunk.toString());
        done();
      },
    }),
  };
}

/** JSON text nested `depth` objects deep (JSON.stringify itself would overflow the stack). */
const deeplyNested = (depth: number) => `${'{"a":'.repeat(depth)}true${'}'.repeat(depth)}`;
const withField = (activity: Record<string, unknown>, field: string, json: string) =>
  `${JSON.stringify(activity).slice(0, -1)},"${field}":${json}}`;

async function listen(app: ReturnType<typeof buildTestApp>): Promise<string> {
  await new Promise<void>((r) => app.server.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
}

/** Finding 4: all logging goes through our pino with redaction; no floods from unauthenticated requests. */
describe('logs carry no secrets and no stack-trace floods', () => {
  it.each([
    ['local', {}],
    ['production', PRODUCTION],
  ])(
    '%s mode: an Authorization value never appears in any output, even for bodies that cannot be serialised',
    async (_mode, env) => {
      const logs = sink();
      const app = buildTestApp({ LOG_LEVEL: 'debug', ...env }, { logger: createLogger('debug', logs.stream) });
      const base = await listen(app);
      const out = captureOutput();
      try {
        for (const body of [
          withField(message('Hilfe'), 'value', deeplyNested(5000)),
          withField(message(undefined), 'value', deeplyNested(20000)),
          withField(message('Hilfe'), 'channelData', deeplyNested(3000)),
          JSON.stringify(message('Hilfe')),
        ]) {
          const res = await fetch(`${base}/api/messages`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${SECRET}` },
            body,
          });
          await res.arrayBuffer();
          expect(res.status).toBeLessThan(500);
        }
      } finally {
        out.restore();
        await app.close();
      }
      const everything = `${out.text()}\n${logs.lines.join('')}`;
      expect(logs.lines.length).toBeGreaterThan(0);
      for (const part of [SECRET, 'Geheimes-Token', 'eyJhbGciOiJSUzI1NiJ9']) expect(everything).not.toContain(part);
    },
    60_000,
  );

  it('local web chat: a token in the Authorization header stays out of every output, also for a value too deep to serialise', async () => {
    const logs = sink();
    const app = buildTestApp({ LOG_LEVEL: 'debug' }, { logger: createLogger('debug', logs.stream) });
    const base = await listen(app);
    const out = captureOutput();
    let token = '';
    try {
      const chat = await openWeb(base, { origin: base });
      token = chat.token();
      const activity = { type: 'message', from: { id: chat.userId } };
      const posted = await fetch(chat.url, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: withField(activity, 'value', deeplyNested(12000)),
      });
      await posted.arrayBuffer();
      expect(posted.status).toBeGreaterThanOrEqual(400);
      expect(posted.status).toBeLessThan(500);
    } finally {
      out.restore();
      await app.close();
    }
    expect(token.length).toBeGreaterThan(10);
    expect(`${out.text()}\n${logs.lines.join('')}`).not.toContain(token);
  }, 60_000);

  it('30 unauthenticated production requests write no stack trace: at most one short JSON line each', async () => {
    const logs = sink();
    const app = buildTestApp({ LOG_LEVEL: 'info', ...PRODUCTION }, { logger: createLogger('info', logs.stream) });
    const base = await listen(app);
    const out = captureOutput();
    const statuses: number[] = [];
    try {
      for (let i = 0; i < 30; i++) {
        const headers: Record<string, string> = { 'content-type': 'application/json' };
        if (i % 2) headers.authorization = `Bearer ${SECRET}${i}`;
        const res = await fetch(`${base}/api/messages`, {
          method: 'POST',
          headers,
          body: JSON.stringify(message('Hilfe', { serviceUrl: 'https://smba.trafficmanager.net/emea/' })),
        });
        await res.arrayBuffer();
        statuses.push(res.status);
      }
    } finally {
      out.restore();
      await app.close();
    }
    expect(new Set(statuses)).toEqual(new Set([401]));
    const outside = out.text();
    expect(outside).not.toMatch(/\n\s+at /);
    expect(outside).not.toMatch(/AuthenticationError|Unauthorized Access/);
    const unauthorized = logs.lines.filter((l) => /unauthenticated|unauthorized/i.test(l));
    expect(unauthorized.length).toBeGreaterThan(0);
    expect(unauthorized.length).toBeLessThanOrEqual(30);
    for (const line of logs.lines) {
      expect(() => JSON.parse(line)).not.toThrow();
      expect(line.length).toBeLessThan(400);
      expect(line).not.toMatch(/\\n\s+at /);
      expect(line).not.toContain(SECRET);
    }
  }, 60_000);
});
