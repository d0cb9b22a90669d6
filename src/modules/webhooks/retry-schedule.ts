// Our webhook retry schedule (README "Webhooks"), applied by re-enqueueing the delivery job with a
// run_at rather than by the queue's own retry, so it is documented and testable here. Delays are in
// units of WEBHOOK_RETRY_BASE_MS (5 s by default): 5 s, 30 s, 2 min, 10 min, 30 min, 1 h, 3 h, 6 h,
// 12 h, 24 h, each with ±50 % jitter so receivers coming back up are not hit by every sender at once.
export const RETRY_STEPS = [1, 6, 24, 120, 360, 720, 2160, 4320, 8640, 17280] as const;

/** The last retry never comes sooner than this after the round began: retries span at least 24 h. */
export const RETRY_WINDOW_STEPS = 17280;

/** An endpoint is switched off after this many failed attempts in a row (across its deliveries)… */
export const DISABLE_AFTER_CONSECUTIVE_FAILURES = 20;
/** …or when it has failed without a single success for this long. */
export const DISABLE_AFTER_FAILING_MS = 3 * 24 * 60 * 60 * 1000;

/**
 * Milliseconds until the next attempt after attempt `attemptsThisRound` (1-based) failed, or null when
 * the schedule is spent and the delivery is dead. `random` returns [0, 1) (Math.random in production).
 */
export function nextRetryDelayMs(input: {
  attemptsThisRound: number;
  roundStartedAt: Date;
  now: Date;
  baseMs: number;
  random?: () => number;
}): number | null {
  const index = input.attemptsThisRound - 1;
  if (index < 0 || index >= RETRY_STEPS.length) return null;
  const jitter = 0.5 + (input.random ?? Math.random)();
  const delay = Math.round(RETRY_STEPS[index] * input.baseMs * jitter);
  if (index < RETRY_STEPS.length - 1) return delay;
  const windowEnd = input.roundStartedAt.getTime() + RETRY_WINDOW_STEPS * input.baseMs;
  return Math.max(delay, windowEnd - input.now.getTime());
}

/** Whether an endpoint's failure streak is long enough to switch it off. */
export function shouldDisableEndpoint(consecutiveFailures: number, failingSince: Date | null, now: Date): boolean {
  if (consecutiveFailures >= DISABLE_AFTER_CONSECUTIVE_FAILURES) return true;
  return failingSince !== null && now.getTime() - failingSince.getTime() > DISABLE_AFTER_FAILING_MS;
}
