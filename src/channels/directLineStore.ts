import { randomBytes, randomUUID } from 'node:crypto';

/** One Web Chat conversation of the embedded Direct Line: its activity stream and last use. */
export interface DlConversation {
  id: string;
  userId: string;
  activities: Array<Record<string, unknown>>;
  lastUsed: number;
  started: boolean;
}

interface TokenEntry {
  conversationId: string;
  expiresAt: number;
}

export interface DirectLineLimits {
  tokenTtlMs: number;
  idleMs: number;
  /** A conversation keeps at most this many activities (oldest dropped), so memory stays bounded. */
  maxActivities: number;
  maxConversations: number;
}

/**
 * In-memory state of the embedded Direct Line (local mode only). Tokens are random and bound to one
 * conversation; idle conversations and their activities are deleted.
 */
export class DirectLineStore {
  private readonly conversations = new Map<string, DlConversation>();
  private readonly tokens = new Map<string, TokenEntry>();
  private readonly sweeper: NodeJS.Timeout;

  constructor(readonly limits: DirectLineLimits, private readonly now: () => number = Date.now) {
    this.sweeper = setInterval(() => this.sweep(), Math.min(60_000, limits.idleMs)).unref();
  }

  close(): void {
    clearInterval(this.sweeper);
  }

  get size(): number {
    return this.conversations.size;
  }

  /** A new conversation and its first token. */
  create(): { conversation: DlConversation; token: string; expiresIn: number } {
    if (this.conversations.size >= this.limits.maxConversations) this.sweep();
    if (this.conversations.size >= this.limits.maxConversations) throw new Error('too many conversations');
    const conversation: DlConversation = { id: randomUUID(), userId: `dl_${randomUUID()}`, activities: [], lastUsed: this.now(), started: false };
    this.conversations.set(conversation.id, conversation);
    return { conversation, ...this.issueToken(conversation.id) };
  }

  issueToken(conversationId: string): { token: string; expiresIn: number } {
    const token = randomBytes(32).toString('base64url');
    this.tokens.set(token, { conversationId, expiresAt: this.now() + this.limits.tokenTtlMs });
    return { token, expiresIn: Math.floor(this.limits.tokenTtlMs / 1000) };
  }

  /** The conversation a bearer token grants, or why not: 403 for a bad or expired token, 404 for a deleted conversation. */
  authorize(authorization: string | undefined, conversationId?: string): { conversation: DlConversation; token: string } | { status: 403 | 404 } {
    const token = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
    const entry = token ? this.tokens.get(token) : undefined;
    if (!token || !entry || entry.expiresAt <= this.now()) return { status: 403 };
    if (conversationId !== undefined && conversationId !== entry.conversationId) return { status: 403 };
    const conversation = this.conversations.get(entry.conversationId);
    if (!conversation) return { status: 404 };
    conversation.lastUsed = this.now();
    return { conversation, token };
  }

  revoke(token: string): void {
    this.tokens.delete(token);
  }

  get(conversationId: string): DlConversation | undefined {
    return this.conversations.get(conversationId);
  }

  append(conversation: DlConversation, activity: Record<string, unknown>): string {
    const id = `${conversation.id}|${String(conversation.activities.length + 1).padStart(7, '0')}`;
    conversation.activities.push({ ...activity, id, timestamp: new Date(this.now()).toISOString() });
    if (conversation.activities.length > this.limits.maxActivities) {
      // Keep ids stable: blank out the oldest instead of shifting the watermark positions.
      conversation.activities[conversation.activities.length - this.limits.maxActivities - 1] = { type: 'deleted' };
    }
    conversation.lastUsed = this.now();
    return id;
  }

  /** Activities after the watermark (a count), without blanked ones. */
  since(conversation: DlConversation, watermark: number): { activities: Array<Record<string, unknown>>; watermark: string } {
    const from = Number.isInteger(watermark) && watermark > 0 ? watermark : 0;
    return { activities: conversation.activities.slice(from).filter((a) => a.type !== 'deleted'), watermark: String(conversation.activities.length) };
  }

  /** Forgets a conversation's activities; positions stay, so clients' watermarks remain valid. */
  clear(conversationId: string): void {
    const c = this.conversations.get(conversationId);
    if (c) c.activities = c.activities.map(() => ({ type: 'deleted' }));
  }

  sweep(): void {
    const now = this.now();
    for (const [token, entry] of this.tokens) if (entry.expiresAt <= now || !this.conversations.has(entry.conversationId)) this.tokens.delete(token);
    for (const [id, c] of this.conversations) {
      if (now - c.lastUsed > this.limits.idleMs) {
        this.conversations.delete(id);
        for (const [token, entry] of this.tokens) if (entry.conversationId === id) this.tokens.delete(token);
      }
    }
  }
}
