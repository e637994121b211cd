import { z } from 'zod';
import { defaultIndexPath } from '../knowledge/paths';

const optionalText = z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), z.string().trim().optional());
const int = (def: number, min: number, max: number) => z.coerce.number().int().min(min).max(max).default(def);

/** Every setting Lotse reads from the environment (.env is read at start). Names follow the Bot Framework's. */
export const ConfigSchema = z
  .object({
    PORT: int(3978, 0, 65535),
    HOST: optionalText,
    MicrosoftAppId: optionalText,
    MicrosoftAppPassword: optionalText,
    MicrosoftAppType: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).optional().or(z.literal('').transform(() => undefined)),
    MicrosoftAppTenantId: optionalText,
    KB_INDEX_PATH: z.string().default(defaultIndexPath),
    SOURCE_MAX_AGE_YEARS: int(5, 1, 100),
    MAX_MESSAGE_LENGTH: int(2000, 50, 20000),
    STATE_TTL_HOURS: int(24, 1, 24 * 30),
    STORAGE: z.enum(['memory', 'blob']).default('memory'),
    BLOB_CONNECTION_STRING: optionalText,
    BLOB_CONTAINER: z.preprocess((v) => (v === '' ? undefined : v), z.string().regex(/^[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]$/, 'Azure container names: 3–63 lower-case letters, digits and single hyphens').optional()),
    RATE_LIMIT_PER_MINUTE: int(60, 1, 10_000),
    PUBLIC_URL: z.preprocess((v) => (v === '' ? undefined : v), z.string().url().optional()),
    BODY_LIMIT_KB: int(256, 16, 4096),
    DIRECT_LINE_SECRET: optionalText,
    DIRECT_LINE_ENDPOINT: z.string().url().default('https://directline.botframework.com/v3/directline'),
    WEBCHAT_TOKEN_TTL_MINUTES: int(30, 1, 24 * 60),
    WEBCHAT_IDLE_MINUTES: int(60, 1, 24 * 60),
    WEBCHAT_MAX_CONVERSATIONS: int(1000, 1, 100_000),
    SEND_TIMEOUT_MS: int(15_000, 100, 120_000),
    HTTP_HEADERS_TIMEOUT_MS: int(10_000, 100, 120_000),
    HTTP_REQUEST_TIMEOUT_MS: int(30_000, 100, 600_000),
    HTTP_KEEPALIVE_TIMEOUT_MS: int(5_000, 100, 600_000),
    HTTP_MAX_CONNECTIONS: int(1_000, 1, 100_000),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'silent']).default('info'),
  })
  .superRefine((c, ctx) => {
    if (c.STORAGE === 'blob') {
      if (!c.BLOB_CONNECTION_STRING) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['BLOB_CONNECTION_STRING'], message: 'missing: STORAGE=blob needs the storage account connection string' });
      if (!c.BLOB_CONTAINER) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['BLOB_CONTAINER'], message: 'missing: STORAGE=blob needs a container name' });
    }
    if (!c.MicrosoftAppId) return;
    const need = (field: keyof typeof c, why: string) => {
      if (!c[field]) ctx.addIssue({ code: z.ZodIssueCode.custom, path: [field], message: `missing: ${why}` });
    };
    if (!c.MicrosoftAppType || c.MicrosoftAppType === 'MultiTenant') {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['MicrosoftAppType'],
        message: 'production mode (MicrosoftAppId set) requires SingleTenant or UserAssignedMSI; MultiTenant checks no tenant',
      });
    }
    need('MicrosoftAppTenantId', 'the Entra tenant id of the bot registration');
    if (c.MicrosoftAppType === 'SingleTenant') need('MicrosoftAppPassword', 'the client secret of the SingleTenant app registration');
  });

export type Config = Readonly<z.infer<typeof ConfigSchema>> & { mode: 'local' | 'production'; host: string };

export class ConfigError extends Error {}

/** Parses the environment once; a half-configured production setup refuses to start with a precise message. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = ConfigSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  - ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Lotse startet nicht – Einstellungen unvollständig oder ungültig:\n${lines.join('\n')}`);
  }
  const mode = parsed.data.MicrosoftAppId ? 'production' : 'local';
  // Local mode has no authentication, so it stays on this machine unless HOST says otherwise.
  const host = parsed.data.HOST ?? (mode === 'local' ? '127.0.0.1' : '0.0.0.0');
  return Object.freeze({ ...parsed.data, mode, host });
}
