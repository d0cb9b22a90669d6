import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { createBatcher, type BatchOutcome } from './batcher.ts';

describe('createBatcher (group commit)', () => {
  test('an item alone runs at once; items arriving meanwhile share the next batch', async () => {
    const batches: number[][] = [];
    const batcher = createBatcher<number, number>({
      concurrency: 1,
      run: async (items) => {
        batches.push([...items]);
        await sleep(20);
        return items.map((n) => ({ ok: true, value: n * 2 }));
      },
    });
    const first = batcher.submit(1);
    const rest = [2, 3, 4, 5].map((n) => batcher.submit(n));
    assert.deepEqual(await Promise.all([first, ...rest]), [2, 4, 6, 8, 10]);
    assert.deepEqual(batches, [[1], [2, 3, 4, 5]]);
    await batcher.idle();
  });

  test('batches hold at most maxBatch items and at most `concurrency` run at a time', async () => {
    let running = 0;
    let peak = 0;
    const sizes: number[] = [];
    const batcher = createBatcher<number, number>({
      concurrency: 2,
      maxBatch: 3,
      run: async (items) => {
        running++;
        peak = Math.max(peak, running);
        sizes.push(items.length);
        await sleep(5);
        running--;
        return items.map((n) => ({ ok: true, value: n }));
      },
    });
    const values = await Promise.all(Array.from({ length: 20 }, (_, i) => batcher.submit(i)));
    assert.deepEqual(values, Array.from({ length: 20 }, (_, i) => i));
    assert.equal(peak, 2);
    assert.ok(sizes.every((n) => n <= 3), `sizes ${sizes}`);
    assert.equal(sizes.reduce((a, b) => a + b, 0), 20);
  });

  test('with minParallelBatch, a second batch starts beside the first only once that many items wait', async () => {
    const batches: number[][] = [];
    const batcher = createBatcher<number, number>({
      concurrency: 2,
      minParallelBatch: 3,
      run: async (items) => {
        batches.push([...items]);
        await sleep(items.includes(1) ? 20 : 200);
        return items.map((n) => ({ ok: true, value: n }));
      },
    });
    const first = batcher.submit(1); // alone: runs at once (0–20 ms)
    const two = [2, 3].map((n) => batcher.submit(n)); // 2 waiting < 3: they wait
    await sleep(5);
    assert.deepEqual(batches, [[1]]);
    const third = batcher.submit(4); // 3 waiting: a second batch starts beside the first (5–205 ms)
    assert.deepEqual(batches, [[1], [2, 3, 4]]);
    const late = batcher.submit(5);
    await sleep(60); // the first batch has finished; one item waits while the second runs
    assert.deepEqual(batches, [[1], [2, 3, 4]], 'a free slot alone does not start a batch of 1 beside a running one');
    assert.deepEqual(await Promise.all([first, ...two, third, late]), [1, 2, 3, 4, 5]);
    assert.deepEqual(batches, [[1], [2, 3, 4], [5]]);
    await batcher.idle();
  });

  test('each item gets its own outcome; a retry runs in a later batch, too many retries fail', async () => {
    const seen = new Map<string, number>();
    const batcher = createBatcher<string, string>({
      concurrency: 1,
      maxRetries: 3,
      retryError: () => new Error('gave up'),
      run: async (items) => items.map((item): BatchOutcome<string> => {
        const n = (seen.get(item) ?? 0) + 1;
        seen.set(item, n);
        if (item === 'bad') return { ok: false, error: new Error('bad item') };
        if (item === 'later' && n < 2) return { retry: true };
        if (item === 'never') return { retry: true };
        return { ok: true, value: `${item}#${n}` };
      }),
    });
    const [ok, later, bad, never] = await Promise.allSettled(['ok', 'later', 'bad', 'never'].map((s) => batcher.submit(s)));
    assert.deepEqual(ok, { status: 'fulfilled', value: 'ok#1' });
    assert.deepEqual(later, { status: 'fulfilled', value: 'later#2' });
    assert.equal(bad.status === 'rejected' && (bad.reason as Error).message, 'bad item');
    assert.equal(never.status === 'rejected' && (never.reason as Error).message, 'gave up');
    assert.equal(seen.get('never'), 4, 'one try and three retries');
  });

  test('when a batch fails as a whole, its items run again one by one, so only the culprit fails', async () => {
    const batches: string[][] = [];
    const batcher = createBatcher<string, string>({
      concurrency: 1,
      run: async (items) => {
        batches.push([...items]);
        if (items.includes('poison')) throw new Error('the batch failed');
        return items.map((item) => ({ ok: true, value: item.toUpperCase() }));
      },
    });
    const blocker = batcher.submit('first');
    const settled = await Promise.allSettled([blocker, ...['a', 'poison', 'b'].map((s) => batcher.submit(s))]);
    assert.deepEqual(settled.map((s) => (s.status === 'fulfilled' ? s.value : (s.reason as Error).message)), ['FIRST', 'A', 'the batch failed', 'B']);
    assert.deepEqual(batches, [['first'], ['a', 'poison', 'b'], ['a'], ['poison'], ['b']]);
  });
});
