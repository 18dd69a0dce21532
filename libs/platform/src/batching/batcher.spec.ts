import { UnavailableError } from '../errors/domain-error';
import { Batcher } from './batcher';

describe('Batcher', () => {
  it('hands keys that arrive in the same turn to one call, and each caller its own result', async () => {
    const calls: string[][] = [];
    const batcher = new Batcher<string, string>({ maxSize: 10 }, async (keys) => {
      calls.push(keys);
      return new Map(keys.map((k) => [k, k.toUpperCase()]));
    });
    const results = await Promise.all(['a', 'b', 'c'].map((k) => batcher.run(k)));
    expect(results).toEqual(['A', 'B', 'C']);
    expect(calls).toEqual([['a', 'b', 'c']]);
  });

  it('never puts more than maxSize keys in one call', async () => {
    const sizes: number[] = [];
    const batcher = new Batcher<number, number>({ maxSize: 4 }, async (keys) => {
      sizes.push(keys.length);
      return new Map(keys.map((k) => [k, k * 2]));
    });
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => batcher.run(i)));
    expect(results).toEqual(Array.from({ length: 10 }, (_, i) => i * 2));
    expect(sizes).toEqual([4, 4, 2]);
  });

  it('retries each key alone when the batch fails, so only the bad key fails, and says why the batch failed once', async () => {
    const calls: string[][] = [];
    const batches: number[] = [];
    const failures: [string, number][] = [];
    const options = {
      maxSize: 10,
      onBatch: (size: number) => batches.push(size),
      onBatchFailed: (error: unknown, size: number) => failures.push([(error as Error).message, size]),
    };
    const batcher = new Batcher<string, string>(options, async (keys) => {
      calls.push(keys);
      if (keys.includes('poison')) throw new Error('cannot route poison');
      return new Map(keys.map((k) => [k, `ok ${k}`]));
    });
    const settled = await Promise.allSettled(['a', 'poison', 'b'].map((k) => batcher.run(k)));
    expect(settled.map((s) => (s.status === 'fulfilled' ? s.value : (s.reason as Error).message))).toEqual(['ok a', 'cannot route poison', 'ok b']);
    expect(calls).toEqual([['a', 'poison', 'b'], ['a'], ['poison'], ['b']]);
    expect(batches).toEqual([3]);
    expect(failures).toEqual([['cannot route poison', 3]]);
  });

  it('fails a key the work left without a result instead of leaving its job hanging', async () => {
    const batcher = new Batcher<string, string>({ maxSize: 10 }, async (keys) => new Map(keys.filter((k) => k !== 'lost').map((k) => [k, k])));
    const settled = await Promise.allSettled(['kept', 'lost'].map((k) => batcher.run(k)));
    expect(settled[0]).toEqual({ status: 'fulfilled', value: 'kept' });
    expect(settled[1].status).toBe('rejected');
  });

  it('fails the keys of a batch whose work throws before returning a promise, instead of leaving their jobs hanging', async () => {
    const batcher = new Batcher<string, string>({ maxSize: 10 }, () => {
      throw new Error('no connection');
    });
    const settled = await Promise.allSettled(['a', 'b'].map((k) => batcher.run(k)));
    expect(settled.map((s) => s.status)).toEqual(['rejected', 'rejected']);
  });

  it('runs a lone key at once, in a call of its own', async () => {
    const calls: string[][] = [];
    const batcher = new Batcher<string, string>({ maxSize: 10 }, async (keys) => {
      calls.push(keys);
      return new Map(keys.map((k) => [k, k]));
    });
    expect(await batcher.run('only')).toBe('only');
    expect(await batcher.run('next')).toBe('next');
    expect(calls).toEqual([['only'], ['next']]);
  });
});

describe('Batcher with maxRunning', () => {
  it('lets keys wait while the running calls are at the limit, then hands them over together', async () => {
    const calls: string[][] = [];
    const releases: (() => void)[] = [];
    let running = 0;
    let mostRunning = 0;
    const batcher = new Batcher<string, string>({ maxSize: 10, maxRunning: 1 }, async (keys) => {
      calls.push(keys);
      running++;
      mostRunning = Math.max(mostRunning, running);
      await new Promise<void>((resolve) => releases.push(resolve));
      running--;
      return new Map(keys.map((k) => [k, k]));
    });
    const first = batcher.run('a');
    await new Promise((resolve) => setImmediate(resolve));
    const later = ['b', 'c', 'd'].map((k) => batcher.run(k));
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setImmediate(resolve));
    expect(calls).toEqual([['a']]);
    releases.shift()!();
    expect(await first).toBe('a');
    while (releases.length === 0) await new Promise((resolve) => setImmediate(resolve));
    expect(calls).toEqual([['a'], ['b', 'c', 'd']]);
    releases.shift()!();
    expect(await Promise.all(later)).toEqual(['b', 'c', 'd']);
    expect(mostRunning).toBe(1);
  });

  it('starts the waiting keys when a running call fails', async () => {
    let fail = true;
    const batcher = new Batcher<string, string>({ maxSize: 10, maxRunning: 1 }, async (keys) => {
      await new Promise((resolve) => setImmediate(resolve));
      if (fail) {
        fail = false;
        throw new Error('lost connection');
      }
      return new Map(keys.map((k) => [k, k]));
    });
    const settled = await Promise.allSettled([
      batcher.run('a'),
      (async () => {
        await new Promise((resolve) => setImmediate(resolve));
        return batcher.run('b');
      })(),
    ]);
    expect(settled.map((s) => s.status)).toEqual(['rejected', 'fulfilled']);
  });
});

describe('Batcher limits', () => {
  it('refuses a key at once with an UnavailableError while maxWaiting keys already wait', async () => {
    const releases: (() => void)[] = [];
    const batcher = new Batcher<string, string>({ maxSize: 10, maxRunning: 1, maxWaiting: 2 }, async (keys) => {
      await new Promise<void>((resolve) => releases.push(resolve));
      return new Map(keys.map((k) => [k, k]));
    });
    const running = batcher.run('a');
    await new Promise((resolve) => setImmediate(resolve));
    const waiting = [batcher.run('b'), batcher.run('c')];
    await expect(batcher.run('d')).rejects.toBeInstanceOf(UnavailableError);
    releases.shift()!();
    expect(await running).toBe('a');
    while (releases.length === 0) await new Promise((resolve) => setImmediate(resolve));
    releases.shift()!();
    expect(await Promise.all(waiting)).toEqual(['b', 'c']);
  });

  it('fails the whole batch without retrying one by one when retryAlone says the error forbids it', async () => {
    const calls: string[][] = [];
    const batcher = new Batcher<string, string>({ maxSize: 10, retryAlone: (error) => (error as Error).message !== 'connection lost' }, async (keys) => {
      calls.push(keys);
      throw new Error('connection lost');
    });
    const settled = await Promise.allSettled(['a', 'b'].map((k) => batcher.run(k)));
    expect(settled.map((s) => (s.status === 'rejected' ? (s.reason as Error).message : s.value))).toEqual(['connection lost', 'connection lost']);
    expect(calls).toEqual([['a', 'b']]);
  });

  it('retries the keys of a failed batch one at a time, never more at once than the batch', async () => {
    let running = 0;
    let mostRunning = 0;
    const batcher = new Batcher<number, number>({ maxSize: 10 }, async (keys) => {
      running++;
      mostRunning = Math.max(mostRunning, running);
      await new Promise((resolve) => setImmediate(resolve));
      running--;
      if (keys.length > 1) throw new Error('one of them is bad');
      return new Map(keys.map((k) => [k, k]));
    });
    expect(await Promise.all([1, 2, 3, 4].map((k) => batcher.run(k)))).toEqual([1, 2, 3, 4]);
    expect(mostRunning).toBe(1);
  });
});
