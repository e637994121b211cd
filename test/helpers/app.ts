import type { AddressInfo } from 'node:net';
import type { Activity } from 'botbuilder';
import type { Request, Response } from 'restify';
import { createApp, type AppDeps, type LotseApp } from '../../src/app';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import { realSearch } from './knowledge';

export const FIXED_NOW = new Date('2026-11-25T10:00:00Z');

/** Builds the whole app (routes, adapter, bot) on the real knowledge base, without a port. */
export function buildTestApp(env: Record<string, string> = {}, deps: AppDeps = {}): LotseApp {
  // Walkthrough tests press buttons faster than any person; the rate limit has its own test.
  return createApp(loadConfig({ RATE_LIMIT_PER_MINUTE: '10000', ...env }), {
    search: realSearch(),
    logger: createLogger('silent'),
    now: () => FIXED_NOW,
    ...deps,
  });
}

export interface InjectedResponse {
  status: number;
  body: any;
}

/** Sends one request body through the app's /api/messages handler, as restify would hand it over. */
export function inject(app: LotseApp, body: unknown, headers: Record<string, string> = {}): Promise<InjectedResponse> {
  return injectInto((req, res) => app.handleMessages(req, res), body, headers);
}

/** Sends one request body through any restify-style handler (e.g. a bare adapter's `process`). */
export async function injectInto(
  handle: (req: Request, res: Response) => Promise<void>,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<InjectedResponse> {
  const result: InjectedResponse = { status: 200, body: undefined };
  const req = { body, headers: { 'content-type': 'application/json', ...headers }, method: 'POST' } as unknown as Request;
  const res = {
    socket: {},
    status(code: number) {
      result.status = code;
    },
    header() {},
    send(codeOrBody: unknown, maybeBody?: unknown) {
      if (typeof codeOrBody === 'number') {
        result.status = codeOrBody;
        result.body = maybeBody;
      } else result.body = codeOrBody;
    },
    end() {},
  } as unknown as Response;
  await handle(req, res);
  return result;
}

/** Starts the app's HTTP server on a free loopback port; returns its base URL. Stop it with `app.close()`. */
export async function listen(app: LotseApp): Promise<string> {
  await new Promise<void>((resolve) => app.server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
}

/** Runs `use` against the listening app and closes the app afterwards, also when `use` fails. */
export async function withServer<T>(app: LotseApp, use: (base: string) => Promise<T>): Promise<T> {
  const base = await listen(app);
  try {
    return await use(base);
  } finally {
    await app.close();
  }
}

let counter = 0;

/** A message activity as a channel would post it, asking for the replies in the HTTP response. */
export function message(text: string | undefined, extra: Record<string, unknown> = {}): Record<string, unknown> {
  counter++;
  return {
    type: 'message',
    id: `act-${counter}`,
    channelId: 'test',
    serviceUrl: 'http://localhost:9',
    deliveryMode: 'expectReplies',
    conversation: { id: 'conv-1' },
    from: { id: 'user-1', name: 'Fachkraft' },
    recipient: { id: 'lotse-bot', name: 'Lotse' },
    locale: 'de-DE',
    ...(text === undefined ? {} : { text }),
    ...extra,
  };
}

/** Replies of an expectReplies response, without typing indicators. */
export function replies(res: InjectedResponse): Partial<Activity>[] {
  return ((res.body?.activities ?? []) as Partial<Activity>[]).filter((a) => a.type === 'message');
}

export function cardOf(activity: Partial<Activity>): any {
  return activity.attachments?.[0]?.content;
}

/** All visible text of a card (body and button titles), for assertions on meaning. */
export function cardText(card: any): string {
  const parts: string[] = [];
  const walk = (node: any) => {
    if (!node || typeof node !== 'object') return;
    if (typeof node.text === 'string') parts.push(node.text);
    if (typeof node.title === 'string') parts.push(node.title);
    for (const value of Object.values(node)) if (typeof value === 'object') walk(value);
  };
  walk(card?.body);
  walk(card?.actions);
  return parts.join('\n');
}

/** A complete production configuration (SingleTenant) for tests of authentication; nothing here is a real id or secret. */
export const PRODUCTION_ENV = {
  MicrosoftAppId: '00000000-0000-4000-8000-000000000001',
  MicrosoftAppType: 'SingleTenant',
  MicrosoftAppTenantId: 't',
  MicrosoftAppPassword: 'p',
};
