import type { Storage } from 'botbuilder';
import { KeyedQueue } from './keyedQueue';
import { isETagConflict } from './storage';

const INDEX_KEY = 'lotse-feedback/index';
const passageKey = (passageId: string) => `lotse-feedback/passage/${encodeURIComponent(passageId)}`;

/** Per passage and day: counts of "helpful" / "not helpful" by channel. Nothing a user typed, no user id. */
interface PassageFeedback {
  passageId: string;
  days: Record<string, { yes: Record<string, number>; no: Record<string, number> }>;
  eTag?: string;
}

export interface FeedbackRow {
  passageId: string;
  yes: number;
  no: number;
  lastDay: string;
}

const sum = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);

/** "Hilfreich? Ja / Nein" clicks, kept through the bot's storage layer (memory or Azure Blob). */
export class FeedbackStore {
  /** One update per key at a time in this process (a new document has no eTag to protect it); eTags guard across instances. */
  private readonly queue = new KeyedQueue();

  constructor(private readonly storage: Storage) {}

  private update<T extends { eTag?: string }>(key: string, empty: () => T, change: (doc: T) => void): Promise<void> {
    return this.queue.run(key, () => this.updateOnce(key, empty, change));
  }

  private async updateOnce<T extends { eTag?: string }>(key: string, empty: () => T, change: (doc: T) => void): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      const doc = ((await this.storage.read([key]))[key] as T | undefined) ?? empty();
      change(doc);
      try {
        await this.storage.write({ [key]: doc });
        return;
      } catch (err) {
        if (!isETagConflict(err) || attempt >= 5) throw err;
      }
    }
  }

  async record(passageId: string, helpful: boolean, channel: string, when: Date): Promise<void> {
    const day = when.toISOString().slice(0, 10);
    await this.update<PassageFeedback>(passageKey(passageId), () => ({ passageId, days: {} }), (doc) => {
      const counts = (doc.days[day] ??= { yes: {}, no: {} })[helpful ? 'yes' : 'no'];
      counts[channel] = (counts[channel] ?? 0) + 1;
    });
    await this.update<{ passages: string[]; eTag?: string }>(INDEX_KEY, () => ({ passages: [] }), (doc) => {
      if (!doc.passages.includes(passageId)) doc.passages.push(passageId);
    });
  }

  /** Passages with the most "Nein" first: what the keepers of the sources should look at. */
  async report(): Promise<FeedbackRow[]> {
    const index = (await this.storage.read([INDEX_KEY]))[INDEX_KEY] as { passages: string[] } | undefined;
    const ids = index?.passages ?? [];
    const docs = ids.length ? await this.storage.read(ids.map(passageKey)) : {};
    return Object.values(docs as Record<string, PassageFeedback>)
      .map((doc) => {
        const days = Object.keys(doc.days).sort();
        return {
          passageId: doc.passageId,
          yes: days.reduce((n, d) => n + sum(doc.days[d].yes), 0),
          no: days.reduce((n, d) => n + sum(doc.days[d].no), 0),
          lastDay: days[days.length - 1] ?? '',
        };
      })
      .sort((a, b) => b.no - a.no || a.yes - b.yes || a.passageId.localeCompare(b.passageId));
  }
}

export function formatReport(rows: FeedbackRow[], titleOf: (passageId: string) => string | undefined): string {
  if (!rows.length) return 'Noch keine Rückmeldungen.';
  const lines = ['Nein  Ja  zuletzt     Passage'];
  for (const r of rows) lines.push(`${String(r.no).padStart(4)}  ${String(r.yes).padStart(2)}  ${r.lastDay}  ${r.passageId}${titleOf(r.passageId) ? ` – ${titleOf(r.passageId)}` : ''}`);
  return lines.join('\n');
}
