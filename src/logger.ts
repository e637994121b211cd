import pino, { type Logger } from 'pino';

export type { Logger };

/**
 * Structured logs that never carry content: callers pass only ids, routes, status codes, durations,
 * activity types and channel ids — never message text, card values or names.
 */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino({ level, base: { app: 'lotse' }, redact: { paths: ['text', 'value', 'body', '*.text', '*.value', '*.name'], censor: '[entfernt]' } }, destination);
}
