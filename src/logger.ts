import pino, { type Logger } from 'pino';

export type { Logger };

/** Objects other code (restify, the SDK) hands to the logger: reduced to what says nothing about the user. */
const serializers = {
  req: (req: { method?: string; getRoute?: () => { path?: unknown } | null }) => ({
    method: req?.method,
    route: String(req?.getRoute?.()?.path ?? 'unmatched'),
  }),
  res: (res: { statusCode?: number }) => ({ status: res?.statusCode }),
  err: (err: unknown) => (err instanceof Error ? { type: err.name, code: (err as { code?: unknown }).code } : err),
};

/**
 * Structured logs that never carry content: callers pass only ids, routes, status codes, durations,
 * activity types and channel ids — never message text, card values or names. Headers are never logged.
 */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { app: 'lotse' },
      serializers,
      redact: {
        paths: [
          'text',
          'value',
          'body',
          'headers',
          'authorization',
          '*.text',
          '*.value',
          '*.name',
          '*.body',
          '*.headers',
          '*.authorization',
        ],
        censor: '[entfernt]',
      },
    },
    destination,
  );
}
