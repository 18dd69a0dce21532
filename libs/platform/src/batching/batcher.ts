import { UnavailableError } from '../errors/domain-error';

export interface BatcherOptions {
  /** Most keys in one call. */
  maxSize: number;
  /**
   * Most calls at work at once. While that many are running, new keys wait and their batch grows: the group commit
   * of a busy writer, one statement and one WAL flush for many rows. Unlimited when not given.
   */
  maxRunning?: number;
  /**
   * Most keys waiting for a call to start; more are refused at once with an UnavailableError, so a stalled `work`
   * (a database out of reach) fails callers fast instead of queueing them in memory. Unlimited when not given.
   */
  maxWaiting?: number;
  /**
   * Whether the keys of a batch that failed with `error` are worth retrying one by one (default: always). Say no
   * where the error leaves it unknown whether the batch took effect (a connection lost around the commit).
   */
  retryAlone?: (error: unknown) => boolean;
  /** Told the size of each batch that `work` is given first (not of the one-by-one retries after it failed). */
  onBatch?: (size: number) => void;
  /** Told why a batch failed as a whole, before its keys are retried one by one. */
  onBatchFailed?: (error: unknown, size: number) => void;
}

/**
 * Gathers keys that arrive together and hands them to `work` in one call, so many jobs or requests running at once
 * pay for one statement and one transaction instead of one each. A key waits at most one turn of the event loop (a
 * batch starts on `setImmediate`, or as soon as `maxSize` keys are waiting), or, with `maxRunning`, until a running
 * call ends; a lone key on an idle batcher is not held up.
 * When a batch fails as a whole, each of its keys is retried alone, so one bad item fails only its own caller.
 */
export class Batcher<K, V> {
  private waiting: { key: K; resolve: (value: V) => void; reject: (error: unknown) => void }[] = [];
  private scheduled = false;
  private running = 0;

  constructor(
    private readonly options: BatcherOptions,
    private readonly work: (keys: K[]) => Promise<Map<K, V>>,
  ) {}

  /** Keys waiting for a call to start. */
  get waitingCount(): number {
    return this.waiting.length;
  }

  run(key: K): Promise<V> {
    if (this.waiting.length >= (this.options.maxWaiting ?? Infinity)) {
      return Promise.reject(new UnavailableError('too much work is waiting; try again shortly'));
    }
    return new Promise<V>((resolve, reject) => {
      this.waiting.push({ key, resolve, reject });
      if (this.waiting.length >= this.options.maxSize) this.flush();
      else this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => this.flush());
  }

  private flush(): void {
    this.scheduled = false;
    // At the limit, the batch keeps growing; the call that ends next starts it.
    if (this.running >= (this.options.maxRunning ?? Infinity)) return;
    const batch = this.waiting.splice(0, this.options.maxSize);
    if (this.waiting.length > 0) this.schedule();
    if (batch.length === 0) return;
    this.running++;
    void this.settle(batch).finally(() => {
      this.running--;
      if (this.waiting.length > 0) this.schedule();
    });
  }

  private async settle(batch: typeof this.waiting): Promise<void> {
    this.options.onBatch?.(batch.length);
    if (batch.length > 1) {
      try {
        const results = await this.work(batch.map((w) => w.key));
        for (const w of batch) this.deliver(w, results);
        return;
      } catch (error) {
        this.options.onBatchFailed?.(error, batch.length);
        if (this.options.retryAlone && !this.options.retryAlone(error)) {
          for (const w of batch) w.reject(error);
          return;
        }
      }
    }
    // One at a time: a failed batch must not take more connections than it had.
    for (const w of batch) {
      try {
        this.deliver(w, await this.work([w.key]));
      } catch (error) {
        w.reject(error);
      }
    }
  }

  private deliver(w: (typeof this.waiting)[number], results: Map<K, V>): void {
    if (results.has(w.key)) w.resolve(results.get(w.key)!);
    else w.reject(new Error('batch returned no result for a key'));
  }
}
