import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nextRetryDelayMs, RETRY_STEPS, shouldDisableEndpoint } from './retry-schedule.ts';

const BASE = 5000;
const HOUR = 3600_000;
const start = new Date('2026-01-01T00:00:00Z');

test('the documented schedule without jitter: 5s, 30s, 2m, 10m, 30m, 1h, 3h, 6h, 12h, 24h, then dead', () => {
  const delays: number[] = [];
  let now = start;
  for (let attempt = 1; ; attempt++) {
    const delay = nextRetryDelayMs({ attemptsThisRound: attempt, roundStartedAt: start, now, baseMs: BASE, random: () => 0.5 });
    if (delay === null) break;
    delays.push(delay);
    now = new Date(now.getTime() + delay);
  }
  assert.deepEqual(delays, [5_000, 30_000, 120_000, 600_000, 1_800_000, HOUR, 3 * HOUR, 6 * HOUR, 12 * HOUR, 24 * HOUR]);
  assert.equal(delays.length, RETRY_STEPS.length, '1 attempt + 10 retries');
});

test('jitter stays within ±50% and retries always span at least 24 hours', () => {
  for (const r of [0, 0.999999]) {
    let now = start;
    let attempt = 1;
    for (; ; attempt++) {
      const delay = nextRetryDelayMs({ attemptsThisRound: attempt, roundStartedAt: start, now, baseMs: BASE, random: () => r });
      if (delay === null) break;
      const nominal = RETRY_STEPS[attempt - 1] * BASE;
      if (attempt < RETRY_STEPS.length) {
        assert.ok(delay >= nominal * 0.5 && delay <= nominal * 1.5, `attempt ${attempt}: ${delay}`);
      }
      now = new Date(now.getTime() + delay);
    }
    assert.ok(now.getTime() - start.getTime() >= 24 * HOUR, `last retry ${(now.getTime() - start.getTime()) / HOUR} h after the first attempt`);
  }
});

test('the schedule scales with the base unit (tests run it in milliseconds)', () => {
  assert.equal(nextRetryDelayMs({ attemptsThisRound: 1, roundStartedAt: start, now: start, baseMs: 10, random: () => 0.5 }), 10);
  assert.equal(nextRetryDelayMs({ attemptsThisRound: 11, roundStartedAt: start, now: start, baseMs: 10 }), null);
  assert.equal(nextRetryDelayMs({ attemptsThisRound: 0, roundStartedAt: start, now: start, baseMs: 10 }), null);
});

test('an endpoint is switched off after 20 failures in a row or 3 days of failing', () => {
  const now = new Date('2026-01-10T00:00:00Z');
  assert.equal(shouldDisableEndpoint(19, new Date(now.getTime() - HOUR), now), false);
  assert.equal(shouldDisableEndpoint(20, new Date(now.getTime() - HOUR), now), true);
  assert.equal(shouldDisableEndpoint(3, new Date(now.getTime() - 73 * HOUR), now), true);
  assert.equal(shouldDisableEndpoint(3, new Date(now.getTime() - 71 * HOUR), now), false);
  assert.equal(shouldDisableEndpoint(0, null, now), false);
});
