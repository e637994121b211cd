import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import type { Storage } from 'botbuilder';
import { KeyedQueue } from './keyedQueue';
import { isETagConflict } from './storage';

const INDEX_KEY = 'lotse-feedback/index';
const SALT_KEY = 'lotse-feedback/salt';
const passageKey = (passageId: string) => `lotse-feedback/passage/${encodeURIComponent(passageId)}`;

/** One vote: verdict, channel and day. Keyed by a salted hash of the conversation, never the id itself. */
interface Vote {
  helpful: boolean;
  channel: string;
  day: string;
}

/** Per passage: the votes by voter hash (hex keys, so no key can collide with Object.prototype). */
interface PassageFeedback {
  passageId: string;
  votes: Record<string, Vote>;
  eTag?: string;
}

export interface FeedbackRow {
  passageId: string;
  yes: number;
  no: number;
  lastDay: string;
}

/** "Hilfreich? Ja / Nein" clicks, kept through the bot's storage layer (memory or Azure Blob). */
export class FeedbackStore {
  /** One update per key at a time in this process (a new document has no eTag to protect it); eTags guard across instances. */
  private readonly queue = new KeyedQueue();
  private salt?: Promise<string>;
  /** Passages known to be in the index: their votes need no index write. */
  private readonly indexed = new Set<string>();

  constructor(private readonly storage: Storage) {}

  private update<T extends { eTag?: string }>(key: string, empty: () => T, change: (doc: T) => boolean): Promise<void> {
    return this.queue.run(key, () => this.updateOnce(key, empty, change));
  }

  /** `change` returns false when the document already says it: then nothing is written. */
  private async updateOnce<T extends { eTag?: string }>(key: string, empty: () => T, change: (doc: T) => boolean): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      const doc = ((await this.storage.read([key]))[key] as T | undefined) ?? empty();
      if (!change(doc)) return;
      try {
        await this.storage.write({ [key]: doc });
        return;
      } catch (err) {
        if (!isETagConflict(err) || attempt >= 5) throw err;
      }
    }
  }

  /** The salt lives next to the votes so every instance hashes alike; a racing second writer's salt is adopted by re-reading. */
  private voterSalt(): Promise<string> {
    this.salt ??= (async () => {
      const stored = (await this.storage.read([SALT_KEY]))[SALT_KEY] as { salt?: string } | undefined;
      if (stored?.salt) return stored.salt;
      await this.storage.write({ [SALT_KEY]: { salt: randomBytes(32).toString('hex') } });
      return ((await this.storage.read([SALT_KEY]))[SALT_KEY] as { salt: string }).salt;
    })();
    this.salt.catch(() => (this.salt = undefined));
    return this.salt;
  }

  /**
   * One vote per conversation and passage: a later click replaces the earlier one. Without a
   * conversation (internal callers) every vote counts on its own.
   */
  async record(passageId: string, helpful: boolean, channel: string, when: Date, conversationId?: string): Promise<void> {
    const voter =
      conversationId === undefined
        ? randomUUID()
        : createHmac('sha256', await this.voterSalt())
            .update(`${channel}\n${conversationId}`)
            .digest('hex')
            .slice(0, 32);
    const vote: Vote = { helpful, channel, day: when.toISOString().slice(0, 10) };
    await this.update<PassageFeedback>(
      passageKey(passageId),
      () => ({ passageId, votes: {} }),
      (doc) => {
        const before = doc.votes[voter];
        if (before && before.helpful === vote.helpful && before.day === vote.day) return false;
        doc.votes[voter] = vote;
        return true;
      },
    );
    if (this.indexed.has(passageId)) return;
    await this.update<{ passages: string[]; eTag?: string }>(
      INDEX_KEY,
      () => ({ passages: [] }),
      (doc) => {
        if (doc.passages.includes(passageId)) return false;
        doc.passages.push(passageId);
        return true;
      },
    );
    this.indexed.add(passageId);
  }

  /** Passages with the most "Nein" first: what the keepers of the sources should look at. */
  async report(): Promise<FeedbackRow[]> {
    const index = (await this.storage.read([INDEX_KEY]))[INDEX_KEY] as { passages: string[] } | undefined;
    const ids = index?.passages ?? [];
    const docs = ids.length ? await this.storage.read(ids.map(passageKey)) : {};
    return Object.values(docs as Record<string, PassageFeedback>)
      .map((doc) => {
        const votes = Object.values(doc.votes ?? {});
        const days = votes.map((v) => v.day).sort();
        return {
          passageId: doc.passageId,
          yes: votes.filter((v) => v.helpful).length,
          no: votes.filter((v) => !v.helpful).length,
          lastDay: days[days.length - 1] ?? '',
        };
      })
      .sort((a, b) => b.no - a.no || a.yes - b.yes || a.passageId.localeCompare(b.passageId));
  }
}

export function formatReport(rows: FeedbackRow[], titleOf: (passageId: string) => string | undefined): string {
  if (!rows.length) return 'Noch keine Rückmeldungen.';
  const lines = ['Nein  Ja  zuletzt     Passage'];
  for (const r of rows)
    lines.push(
      `${String(r.no).padStart(4)}  ${String(r.yes).padStart(2)}  ${r.lastDay}  ${r.passageId}${titleOf(r.passageId) ? ` – ${titleOf(r.passageId)}` : ''}`,
    );
  return lines.join('\n');
}
