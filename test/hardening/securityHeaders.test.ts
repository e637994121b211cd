import type { AddressInfo } from 'node:net';
import type { LotseApp } from '../../src/app';
import { buildTestApp } from '../helpers/app';

let app: LotseApp;
let base: string;

beforeAll(async () => {
  app = buildTestApp();
  await new Promise<void>((r) => app.server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
});
afterAll(() => app.close());

function expectStrictHeaders(res: Response): void {
  const csp = res.headers.get('content-security-policy') ?? '';
  const script =
    csp
      .split(';')
      .map((d) => d.trim())
      .find((d) => d.startsWith('script-src')) ?? '';
  expect(script).toMatch(/^script-src 'self'$/);
  expect(csp).toMatch(/default-src 'none'|default-src 'self'/);
  expect(csp).toMatch(/frame-ancestors 'none'/);
  expect(csp).toMatch(/form-action 'none'/);
  expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  expect(res.headers.get('referrer-policy')).toBe('no-referrer');
  expect(res.headers.get('cache-control')).toBe('no-store');
}

/** Finding 9: the printable checklist's URL carries case facts; the page must be locked down like the web chat. */
describe('/checkliste security headers', () => {
  it('the page has a strict CSP, nosniff, no referrer, no framing, no caching – and no inline script', async () => {
    const res = await fetch(`${base}/checkliste?danger=no&citizenship=eu&age=21plus`);
    expect(res.status).toBe(200);
    expectStrictHeaders(res);
    const html = await res.text();
    expect(html).not.toMatch(/\son\w+=/i);
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/i);
    const src = html.match(/<script[^>]*\bsrc="([^"]+)"/)?.[1];
    expect(src).toBeDefined();
    const script = await fetch(new URL(src!, base));
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toMatch(/javascript/);
    expect(script.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await script.text()).toMatch(/print\(\)/);
  });

  it('the error page for unknown facts has the same headers', async () => {
    const res = await fetch(`${base}/checkliste?land=mars`);
    expect(res.status).toBe(400);
    expectStrictHeaders(res);
  });

  it('the web chat page keeps its own CSP from the same helper (nosniff, no referrer)', async () => {
    const res = await fetch(`${base}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
  });
});
