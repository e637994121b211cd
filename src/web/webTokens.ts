import { createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';

/** What a web-chat token grants: one conversation, until `expiresAt`; `epoch` names the state it belongs to. */
export interface WebGrant {
  conversationId: string;
  /** When the conversation began (ms); bounds its whole life, however active it stays. */
  startedAt: number;
  expiresAt: number;
  epoch: string;
}

export type WebTokenCheck =
  | { ok: true; grant: WebGrant }
  | { ok: false; code: 'TokenMissing' | 'TokenInvalid' | 'TokenExpired' | 'ConversationMismatch' | 'ConversationLost' };

const ID = /^web_[0-9a-f-]{36}$/;

/**
 * Stateless conversation tokens: HMAC-SHA256 over conversation id, start, expiry and state epoch.
 * Any instance with the same secret verifies any token, so nothing about a conversation is kept in
 * process. `epoch` is a per-process random value when state lives in memory (a restart loses the
 * state, and the token then says so: ConversationLost) and a constant with shared storage.
 */
export class WebTokens {
  private readonly key: Buffer;

  constructor(
    secret: string | undefined,
    readonly epoch: string,
    private readonly idleMs: number,
    private readonly maxLifeMs: number,
    private readonly now: () => number = Date.now,
  ) {
    this.key = secret ? Buffer.from(secret, 'utf8') : randomBytes(32);
  }

  static newConversationId(): string {
    return `web_${randomUUID()}`;
  }

  /** A token for the conversation, valid for the idle time from now (but never beyond its maximum life). */
  issue(conversationId: string, startedAt = this.now()): { token: string; expiresIn: number } {
    const expiresAt = Math.min(this.now() + this.idleMs, startedAt + this.maxLifeMs);
    const payload = `${conversationId}.${startedAt}.${expiresAt}.${this.epoch}`;
    return { token: `${payload}.${this.sign(payload)}`, expiresIn: Math.max(0, Math.floor((expiresAt - this.now()) / 1000)) };
  }

  check(authorization: string | undefined, conversationId: string): WebTokenCheck {
    const token = /^Bearer\s+(\S{1,400})$/i.exec(authorization ?? '')?.[1];
    if (!token) return { ok: false, code: 'TokenMissing' };
    const parts = token.split('.');
    if (parts.length !== 5 || !ID.test(parts[0])) return { ok: false, code: 'TokenInvalid' };
    const [id, started, expires, epoch, signature] = parts;
    // Another epoch: issued before a restart (memory state) – possibly under a per-process secret that is
    // gone, so it cannot be verified; saying "this conversation ended" grants nothing and reveals nothing.
    if (epoch !== this.epoch) return { ok: false, code: 'ConversationLost' };
    const expected = Buffer.from(this.sign(parts.slice(0, 4).join('.')));
    const given = Buffer.from(signature);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, code: 'TokenInvalid' };
    if (id !== conversationId) return { ok: false, code: 'ConversationMismatch' };
    const grant: WebGrant = { conversationId: id, startedAt: Number(started), expiresAt: Number(expires), epoch };
    if (!(grant.expiresAt > this.now())) return { ok: false, code: 'TokenExpired' };
    return { ok: true, grant };
  }

  private sign(payload: string): string {
    return createHmac('sha256', this.key).update(payload).digest('base64url');
  }
}
