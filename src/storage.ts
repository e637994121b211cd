import { MemoryStorage, type Storage, type StoreItems } from 'botbuilder';
import type { BlobsStorage as BlobsStorageType } from 'botbuilder-azure-blobs';

/** Thrown when the state store cannot be reached; the bot answers "vorübergehend nicht verfügbar". */
export class StorageUnavailableError extends Error {
  constructor(
    readonly operation: string,
    cause: unknown,
  ) {
    super(`state storage unavailable during ${operation}`);
    this.name = 'StorageUnavailableError';
    this.cause = cause;
  }
}

const TOUCHED = '_lotseTouchedAt';

/** True for a lost optimistic-concurrency race (memory: eTag message; Azure: HTTP 412). */
export function isETagConflict(err: unknown): boolean {
  const e = err as { statusCode?: number; code?: string; message?: string } | undefined;
  return e?.statusCode === 412 || e?.code === 'ConditionNotMet' || /eTag conflict/i.test(e?.message ?? '');
}

/**
 * Stamps every stored item with its last write and treats older items as absent (and deletes them),
 * so nothing about a conversation outlives STATE_TTL_HOURS, whatever the backing store.
 */
export class ExpiringStorage implements Storage {
  constructor(
    private readonly inner: Storage,
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  async read(keys: string[]): Promise<StoreItems> {
    const items = await this.inner.read(keys);
    const expired = Object.keys(items).filter((k) => {
      const touched = Number(items[k]?.[TOUCHED]);
      return !touched || this.now() - touched > this.ttlMs;
    });
    for (const k of expired) delete items[k];
    if (expired.length) await this.inner.delete(expired);
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    const stamped: StoreItems = {};
    for (const [k, v] of Object.entries(changes)) stamped[k] = { ...v, [TOUCHED]: this.now() };
    await this.inner.write(stamped);
  }

  delete(keys: string[]): Promise<void> {
    return this.inner.delete(keys);
  }
}

/** Memory store whose expired state items are also swept without being read (local mode keeps nothing for long). Unstamped items (feedback counts) are not state and stay. */
export function sweepingMemoryStorage(ttlMs: number, now: () => number = Date.now): { storage: MemoryStorage; sweep: () => number } {
  const memory: Record<string, string> = {};
  const sweep = () => {
    let removed = 0;
    for (const [key, json] of Object.entries(memory)) {
      try {
        const touched = (JSON.parse(json) as Record<string, unknown>)[TOUCHED];
        if (touched !== undefined && now() - Number(touched) > ttlMs) {
          delete memory[key];
          removed++;
        }
      } catch {
        delete memory[key];
      }
    }
    return removed;
  };
  return { storage: new MemoryStorage(memory), sweep };
}

/**
 * Azure Blob storage that survives an outage: BlobsStorage caches a failed container creation, so a
 * failing instance is replaced by a fresh one; failures surface as StorageUnavailableError.
 */
export class ResilientBlobStorage implements Storage {
  private inner: Storage;

  constructor(private readonly create: () => Storage) {
    this.inner = create();
  }

  static forAzure(connectionString: string, container: string): ResilientBlobStorage {
    // Few, short retries: a user waiting on a turn is better served by a clear "try again" than by minutes of back-off.
    const storagePipelineOptions = { retryOptions: { maxTries: 2, tryTimeoutInMs: 5000, retryDelayInMs: 200, maxRetryDelayInMs: 1000 } };
    // Loaded only here: the Azure storage SDK is ~200 modules that a single-machine (memory) start never needs.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { BlobsStorage } = require('botbuilder-azure-blobs') as { BlobsStorage: typeof BlobsStorageType };
    return new ResilientBlobStorage(() => new BlobsStorage(connectionString, container, { storagePipelineOptions }));
  }

  private async guard<T>(operation: string, run: (s: Storage) => Promise<T>): Promise<T> {
    try {
      return await run(this.inner);
    } catch (err) {
      if (isETagConflict(err)) throw err;
      this.inner = this.create();
      throw new StorageUnavailableError(operation, err);
    }
  }

  read(keys: string[]): Promise<StoreItems> {
    return this.guard('read', (s) => s.read(keys));
  }

  write(changes: StoreItems): Promise<void> {
    return this.guard('write', (s) => s.write(changes));
  }

  delete(keys: string[]): Promise<void> {
    return this.guard('delete', (s) => s.delete(keys));
  }
}
