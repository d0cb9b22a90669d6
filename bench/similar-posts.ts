// Bench hook for duplicate detection (issue 3 §1): GET /api/v1/posts/similar as a visitor typing a
// title — loaded with autocannon like the other scenarios, and timed one request at a time (the
// issue's latency target: p50 ≤ 5 ms, p99 ≤ 20 ms with 100,000 posts).
import type { RequestSpec } from 'autocannon';

export const SIMILAR_POSTS_LABEL = 'similar posts while typing (anonymous)';

// What people type into a feedback form: short, lower-case, sometimes misspelt, about the ideas the
// seeded workspace holds (and some it does not), plus a few with a body line.
export const SIMILAR_QUERIES = [
  'dark mode', 'dark theme for the dashboard', 'night mode please', 'export to csv', 'csv exprot of reports', 'export data to excel',
  'bulk edit', 'edit many items at once', 'keyboard shortcuts', 'shortcut keys for admins', 'saml sso', 'single sign on with okta',
  'custom fields', 'custom field on mobile', 'recurring tasks', 'repeat a task every week', 'audit log', 'log of admin actions',
  'saved filters', 'save my search filters', 'slack integration', 'post to slack channel', 'webhooks via the api', 'offline mode on mobile',
  'work offline', 'api rate limits', 'two factor login', 'gantt chart', 'time tracking for teams', 'print invoices',
  'Dark mode for admins\nThe white background hurts at night, we work late.',
  'Export reports to CSV\nOur finance team needs the numbers in a spreadsheet every month.',
  'Slack notifications\nPost new ideas and status changes into a channel.',
] as const;

const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)];

export const similarPath = (q: string) => `/api/v1/posts/similar?q=${encodeURIComponent(q)}&limit=5`;

export function similarPostsRequests(): RequestSpec[] {
  return [{ method: 'GET', setupRequest: (req) => ({ ...req, path: similarPath(pick(SIMILAR_QUERIES)) }) }];
}

/** The server builds its index in the background at start: wait until it answers (at most `timeoutMs`). */
export async function waitForSimilarIndex(baseUrl: string, timeoutMs = 300_000): Promise<number> {
  const started = performance.now();
  for (;;) {
    const res = await fetch(`${baseUrl}${similarPath('dark mode')}`, { signal: AbortSignal.timeout(timeoutMs) }).catch(() => null);
    if (res?.ok) return (performance.now() - started) / 1000;
    if (performance.now() - started > timeoutMs) throw new Error(`similar posts did not answer within ${timeoutMs} ms (status ${res?.status})`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

export type SimilarLatency = { requests: number; p50Ms: number; p99Ms: number; maxMs: number };

/** One request at a time: every query `rounds` times, in a shuffled order. */
export async function measureSimilarLatency(baseUrl: string, opts: { rounds?: number } = {}): Promise<SimilarLatency> {
  const rounds = opts.rounds ?? 20;
  const timings: number[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const q of [...SIMILAR_QUERIES].sort(() => Math.random() - 0.5)) {
      const started = performance.now();
      const res = await fetch(`${baseUrl}${similarPath(q)}`);
      await res.arrayBuffer();
      timings.push(performance.now() - started);
      if (!res.ok) throw new Error(`similar posts answered ${res.status}`);
    }
  }
  timings.sort((a, b) => a - b);
  const at = (q: number) => timings[Math.min(timings.length - 1, Math.floor(q * timings.length))];
  return { requests: timings.length, p50Ms: at(0.5), p99Ms: at(0.99), maxMs: timings[timings.length - 1] };
}
