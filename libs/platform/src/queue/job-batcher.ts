/**
 * Gathers the keys of jobs that arrive together and hands them to `work` in one call, so a worker running many jobs
 * at once pays for one transaction instead of one per job. A key waits at most one turn of the event loop (a batch
 * starts on `setImmediate`, or as soon as `maxSize` keys are waiting), so a lone job is not held up.
 * When a batch fails as a whole, each of its keys is retried alone, so one bad item fails only its own job.
 */
export class JobBatcher<K, V> {
  private waiting: { key: K; resolve: (value: V) => void; reject: (error: unknown) => void }[] = [];
  private scheduled = false;

  constructor(
    private readonly maxSize: number,
    private readonly work: (keys: K[]) => Promise<Map<K, V>>,
  ) {}

  run(key: K): Promise<V> {
    return new Promise<V>((resolve, reject) => {
      this.waiting.push({ key, resolve, reject });
      if (this.waiting.length >= this.maxSize) this.flush();
      else if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  private flush(): void {
    this.scheduled = false;
    const batch = this.waiting.splice(0, this.maxSize);
    if (this.waiting.length > 0 && !this.scheduled) {
      this.scheduled = true;
      setImmediate(() => this.flush());
    }
    if (batch.length === 0) return;
    void this.settle(batch);
  }

  private async settle(batch: typeof this.waiting): Promise<void> {
    let results: Map<K, V> | undefined;
    if (batch.length > 1) results = await this.work(batch.map((w) => w.key)).catch(() => undefined);
    if (results) {
      for (const w of batch) {
        if (results.has(w.key)) w.resolve(results.get(w.key)!);
        else w.reject(new Error('batch returned no result for a key'));
      }
      return;
    }
    await Promise.all(
      batch.map(async (w) => {
        try {
          const alone = await this.work([w.key]);
          if (alone.has(w.key)) w.resolve(alone.get(w.key)!);
          else w.reject(new Error('batch returned no result for a key'));
        } catch (error) {
          w.reject(error);
        }
      }),
    );
  }
}
