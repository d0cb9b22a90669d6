// Outbox throughput (issue 4 acceptance: "`npm run bench` reports outbox throughput"): one post with N
// subscribers, one status change through the API, and the time until a local SMTP sink has every
// message. The server runs as in production: event row and job in the change's transaction, fan-out
// and sends by the worker inside the server process, nodemailer to SMTP_URL (the sink).
import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'kysely';
import type { Db } from '../src/db/database.ts';
import { RUN_POST_TITLE_PREFIX, RUN_VOTER_DOMAIN } from './seed.ts';
import { normalizeMessageId, summarizeArrivals, type OutboxCheck, type SmtpSink } from './smtp-sink.ts';
import type { CpuSampler, Fixture } from './scenarios.ts';

export const OUTBOX_SUBSCRIBERS = 2000;
export const OUTBOX_LABEL = 'outbox: one status change, one email per subscriber';

/** What the delivery audit (the deliveries table) says about the event's email channel. */
export type OutboxAudit = {
  eventId: string | null;
  sent: number;
  queued: number;
  failed: number;
  skipped: number;
  /** Every Message-ID the sink received is the one the audit recorded for that delivery. */
  messageIdsMatch: boolean;
  /** From the API call until the last batch of delivery rows was written (the fan-out), in seconds. */
  fanOutSeconds: number | null;
};

export type OutboxResult = OutboxCheck & {
  subscribers: number; timedOut: boolean; audit: OutboxAudit;
  /** CPU time per delivered message, server process and PostgreSQL (null when not sampled). */
  cpuMsPerMessage: { server: number | null; postgres: number | null };
  /** The server's peak RSS (VmHWM) before and after the outbox run (the runner fills it in; it has the process). */
  serverPeakRssMb: { before: number; after: number } | null;
};

/**
 * A post on a public board followed by `subscribers` people: the post (and its author, subscriber 0)
 * through the API like any other, the other followers as rows in bulk. Their emails are on the
 * benchmark's voter domain, so the next run's resetBenchRuns removes them, and the post by its title.
 */
export async function prepareOutboxPost(
  db: Db, baseUrl: string, fixture: Fixture & { workspaceId: string }, tag: string, subscribers: number,
): Promise<{ postId: string; emails: Set<string> }> {
  const prefix = `o-${tag}-`;
  const emailOf = (i: number) => `${prefix}${i}@${RUN_VOTER_DOMAIN}`;
  const post = await callApi<{ id: string }>(baseUrl, fixture.adminKey, 'POST', '/api/v1/posts', {
    boardId: fixture.boardIds[0],
    title: `${RUN_POST_TITLE_PREFIX} ${tag} outbox`,
    body: 'Followed by many people: the benchmark ships it and counts the emails.',
    author: { email: emailOf(0), name: 'Subscriber 0' },
  });
  const ws = fixture.workspaceId;
  await db.transaction().execute(async (tx) => {
    await sql`
      insert into people (workspace_id, email, name)
      select ${ws}, ${prefix} || i || '@' || ${RUN_VOTER_DOMAIN}, 'Subscriber ' || i
      from generate_series(1, ${subscribers - 1}::int) i`.execute(tx);
    await sql`
      insert into subscriptions (workspace_id, post_id, person_id, reason)
      select ${ws}, ${post.id}, id, 'manual' from people
      where workspace_id = ${ws} and email like ${`${prefix}%`}
      on conflict do nothing`.execute(tx);
  });
  const { rows: [live] } = await sql<{ n: number }>`
    select count(*)::int as n from subscriptions where post_id = ${post.id} and unsubscribed_at is null`.execute(db);
  if (live.n !== subscribers) throw new Error(`outbox: the post has ${live.n} followers, expected ${subscribers}`);
  return { postId: post.id, emails: new Set(Array.from({ length: subscribers }, (_, i) => emailOf(i))) };
}

/**
 * Ships the post through the API (admin key) and waits until the sink has a message for every
 * follower, then a little longer so a doubled message would show up. Never throws on a slow or
 * incomplete delivery: the result says so (ok false), like the vote check.
 */
export async function measureOutbox(opts: {
  db: Db; baseUrl: string; adminKey: string; sink: SmtpSink; postId: string; emails: Set<string>;
  timeoutMs?: number; settleMs?: number; progress?: (msg: string) => void; sampleCpu?: CpuSampler;
}): Promise<OutboxResult> {
  const { sink, emails } = opts;
  const timeoutMs = opts.timeoutMs ?? 60_000 + emails.size * 100;
  const firstArrival = sink.arrivals.length;
  const cpuBefore = await opts.sampleCpu?.();
  const startedAt = Date.now();
  await callApi(opts.baseUrl, opts.adminKey, 'PATCH', `/api/v1/posts/${opts.postId}`, { status: 'shipped', statusMessage: 'It **shipped**: thank you for asking.' });
  let counted = 0;
  let scanned = firstArrival;
  let nextReport = startedAt + 5000;
  for (;;) {
    for (; scanned < sink.arrivals.length; scanned++) if (sink.arrivals[scanned].recipients.some((r) => emails.has(r))) counted++;
    if (counted >= emails.size) break;
    const now = Date.now();
    if (now - startedAt > timeoutMs) break;
    if (now >= nextReport) {
      opts.progress?.(`outbox: ${counted.toLocaleString('en-US')} of ${emails.size.toLocaleString('en-US')} messages after ${((now - startedAt) / 1000).toFixed(1)} s`);
      nextReport += 5000;
    }
    await sleep(20);
  }
  const timedOut = counted < emails.size;
  const cpuAfter = await opts.sampleCpu?.();
  await sleep(opts.settleMs ?? 2000);
  const check = summarizeArrivals(sink.arrivals.slice(firstArrival), emails, startedAt);
  const mine = sink.arrivals.slice(firstArrival).filter((a) => a.recipients.some((r) => emails.has(r)));
  const audit = await readOutboxAudit(opts.db, opts.postId, startedAt, mine.flatMap((a) => (a.messageId ? [a.messageId] : [])));
  const ok = check.ok && !timedOut && audit.sent === emails.size && audit.queued + audit.failed === 0 && audit.messageIdsMatch;
  const perMessage = (before: number | null | undefined, after: number | null | undefined) =>
    before == null || after == null || counted === 0 ? null : Math.max(0, after - before) / counted;
  const cpuMsPerMessage = { server: perMessage(cpuBefore?.serverMs, cpuAfter?.serverMs), postgres: perMessage(cpuBefore?.postgresMs, cpuAfter?.postgresMs) };
  return { ...check, ok, subscribers: emails.size, timedOut, audit, cpuMsPerMessage, serverPeakRssMb: null };
}

async function readOutboxAudit(db: Db, postId: string, startedAt: number, receivedIds: string[]): Promise<OutboxAudit> {
  const event = await db.selectFrom('events').select('id').where('post_id', '=', postId).where('type', '=', 'post.status_changed')
    .orderBy('created_at', 'desc').limit(1).executeTakeFirst();
  if (!event) return { eventId: null, sent: 0, queued: 0, failed: 0, skipped: 0, messageIdsMatch: false, fanOutSeconds: null };
  const rows = await db.selectFrom('deliveries').select(['state', 'message_id', 'created_at'])
    .where('event_id', '=', event.id).where('channel', '=', 'email').execute();
  const count = (state: string) => rows.filter((r) => r.state === state).length;
  const recorded = new Set(rows.flatMap((r) => (r.message_id ? [normalizeMessageId(r.message_id)] : [])));
  const lastWritten = rows.reduce((max, r) => Math.max(max, new Date(r.created_at).getTime()), 0);
  return {
    eventId: event.id,
    sent: count('sent'), queued: count('queued'), failed: count('failed'), skipped: count('skipped'),
    messageIdsMatch: receivedIds.length > 0 && receivedIds.every((id) => recorded.has(normalizeMessageId(id))),
    fanOutSeconds: rows.length ? (lastWritten - startedAt) / 1000 : null,
  };
}

async function callApi<T>(baseUrl: string, key: string, method: string, url: string, body: unknown): Promise<T> {
  const res = await fetch(`${baseUrl}${url}`, {
    method, headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body: JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`outbox: ${method} ${url} answered ${res.status}: ${text}`);
  return JSON.parse(text) as T;
}

const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

const cpuText = (ms: number | null) => (ms === null ? 'n/a' : fmt(ms, 1));

/** One paragraph for the console and the markdown report. */
export function formatOutbox(r: OutboxResult): string {
  const a = r.audit;
  return `${OUTBOX_LABEL}: ${r.ok ? 'OK' : 'FAILED'} — ${fmt(r.received)} of ${fmt(r.subscribers)} messages in ${fmt(r.seconds, 1)} s`
    + `${r.timedOut ? ' (timed out)' : ''} → ${fmt(r.perSecond)} notifications delivered/s;`
    + ` delay from the API call: first ${fmt(r.firstMs)} ms, p50 ${fmt(r.p50Ms)} ms, p99 ${fmt(r.p99Ms)} ms;`
    + ` fan-out written after ${a.fanOutSeconds === null ? 'n/a' : `${fmt(a.fanOutSeconds, 1)} s`};`
    + ` CPU per message: server ${cpuText(r.cpuMsPerMessage.server)} ms, PostgreSQL ${cpuText(r.cpuMsPerMessage.postgres)} ms.`
    + ` Check: ${fmt(r.distinctMessageIds)} distinct Message-IDs, ${fmt(r.distinctRecipients)} recipients, doubled ${r.doubled},`
    + ` missing ${r.missing}, without Message-ID ${r.withoutMessageId}; audit sent ${fmt(a.sent)}, queued ${a.queued}, failed ${a.failed},`
    + ` skipped ${a.skipped}, Message-IDs ${a.messageIdsMatch ? 'match' : 'DO NOT match'} the audit${r.others ? `; ${r.others} other messages ignored` : ''}.`
    + `${r.serverPeakRssMb === null ? '' : ` Server peak RSS ${fmt(r.serverPeakRssMb.before)} MB before, ${fmt(r.serverPeakRssMb.after)} MB after.`}`;
}

/** The whole measurement, as the runner calls it after the HTTP scenarios. */
export async function runOutboxBench(opts: {
  db: Db; baseUrl: string; fixture: Fixture & { workspaceId: string }; sink: SmtpSink; tag: string; subscribers: number;
  progress: (msg: string) => void; sampleCpu?: CpuSampler;
}): Promise<OutboxResult> {
  opts.progress(`outbox: preparing a post with ${opts.subscribers.toLocaleString('en-US')} subscribers`);
  const { postId, emails } = await prepareOutboxPost(opts.db, opts.baseUrl, opts.fixture, opts.tag, opts.subscribers);
  opts.progress('outbox: changing its status, waiting for the emails');
  return measureOutbox({ db: opts.db, baseUrl: opts.baseUrl, adminKey: opts.fixture.adminKey, sink: opts.sink, postId, emails, progress: opts.progress, sampleCpu: opts.sampleCpu });
}
