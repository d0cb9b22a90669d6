// Group commit for writes that arrive together (docs/adr/0007-vote-batching.md). Callers submit one
// item each and wait for its own outcome; the batcher runs at most `concurrency` batches at a time and
// hands each batch every item that queued while the previous ones ran. Alone, an item runs at once
// (a batch of one, no added delay); under load, one transaction carries many items, so the per-
// transaction costs (round trips, the commit's flush) are paid once per batch instead of once per item.

/** What the batch function says about one item: done, failed on its own, or "run me in a later batch". */
export type BatchOutcome<R> = { ok: true; value: R } | { ok: false; error: unknown } | { retry: true };

export type Batcher<I, R> = {
  submit(item: I): Promise<R>;
  /** Resolves once nothing is queued or running. */
  idle(): Promise<void>;
};

type Entry<I, R> = {
  item: I;
  resolve: (value: R) => void;
  reject: (error: unknown) => void;
  /** Runs in a batch of its own: its last batch failed as a whole. */
  alone: boolean;
  retries: number;
};

export function createBatcher<I, R>(opts: {
  /** Runs one batch; returns one outcome per item, in order. Throwing fails the batch as a whole. */
  run: (items: readonly I[]) => Promise<ReadonlyArray<BatchOutcome<R>>>;
  maxBatch?: number;
  concurrency?: number;
  /**
   * A batch starts beside running ones only once this many items wait; fewer wait for a running batch
   * to finish. Under load that makes fewer, fuller batches (less work per item); alone, an item still
   * runs at once. 1 (the default): any waiting item starts a batch in a free slot.
   */
  minParallelBatch?: number;
  /** How often one item may ask to be run again before it fails. */
  maxRetries?: number;
  retryError?: () => Error;
}): Batcher<I, R> {
  const maxBatch = opts.maxBatch ?? 64;
  const concurrency = opts.concurrency ?? 2;
  const maxRetries = opts.maxRetries ?? 20;
  const minParallelBatch = Math.max(1, opts.minParallelBatch ?? 1);
  const queue: Array<Entry<I, R>> = [];
  let running = 0;
  let idleWaiters: Array<() => void> = [];

  const take = (): Array<Entry<I, R>> => {
    const first = queue[0]!;
    if (first.alone) return queue.splice(0, 1);
    let n = 0;
    while (n < queue.length && n < maxBatch && !queue[n]!.alone) n++;
    return queue.splice(0, n);
  };

  const settle = (entries: Array<Entry<I, R>>, outcomes: ReadonlyArray<BatchOutcome<R>>) => {
    const again: Array<Entry<I, R>> = [];
    entries.forEach((entry, i) => {
      const outcome = outcomes[i];
      if (!outcome) entry.reject(new Error('batch: no outcome for an item'));
      else if ('retry' in outcome) {
        if (++entry.retries > maxRetries) entry.reject(opts.retryError?.() ?? new Error('batch: the item kept asking to be retried'));
        else again.push(entry);
      } else if (outcome.ok) entry.resolve(outcome.value);
      else entry.reject(outcome.error);
    });
    queue.unshift(...again);
  };

  const pump = () => {
    while (running < concurrency && queue.length > 0) {
      if (running > 0 && queue.length < minParallelBatch && !queue[0]!.alone) return;
      const entries = take();
      running++;
      opts.run(entries.map((e) => e.item))
        .then((outcomes) => settle(entries, outcomes), (error: unknown) => {
          // one bad item must not fail the others: each runs again on its own and fails alone
          if (entries.length === 1) entries[0]!.reject(error);
          else queue.unshift(...entries.map((e) => ({ ...e, alone: true })));
        })
        .finally(() => {
          running--;
          pump();
          if (running === 0 && queue.length === 0) {
            const waiters = idleWaiters;
            idleWaiters = [];
            for (const w of waiters) w();
          }
        });
    }
  };

  return {
    submit(item) {
      return new Promise<R>((resolve, reject) => {
        queue.push({ item, resolve, reject, alone: false, retries: 0 });
        pump();
      });
    },
    idle() {
      if (running === 0 && queue.length === 0) return Promise.resolve();
      return new Promise<void>((resolve) => idleWaiters.push(resolve));
    },
  };
}
