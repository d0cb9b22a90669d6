// The benchmark's mail sink (issue 4, "outbox throughput"): a real SMTP server (smtp-server) on
// 127.0.0.1 that only notes when each message arrived, its Message-ID and its envelope recipients.
// No parsing beyond the header block: the sink shares the CPUs with the server it measures.
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export type Arrival = { at: number; messageId: string | null; recipients: string[] };

export type SmtpSink = {
  /** smtp://127.0.0.1:<port>, for the server's SMTP_URL */
  url: string;
  arrivals: Arrival[];
  close(): Promise<void>;
};

/** The Message-ID header of a raw RFC 5322 message (folded headers unfolded), or null. */
export function readMessageId(raw: string): string | null {
  const end = raw.search(/\r?\n\r?\n/);
  const headers = (end === -1 ? raw : raw.slice(0, end)).replace(/\r?\n[ \t]+/g, ' ');
  const match = /^message-id:[ \t]*(.+?)[ \t]*$/im.exec(headers);
  return match ? match[1] : null;
}

/** `<id@host>` and `id@host` name the same message. */
export function normalizeMessageId(id: string): string {
  return id.trim().replace(/^<(.*)>$/, '$1').toLowerCase();
}

export async function startSmtpSink(): Promise<SmtpSink> {
  const arrivals: Arrival[] = [];
  const server = new SMTPServer({
    authOptional: true,
    // plain SMTP on loopback: with neither on offer, nodemailer sends in clear without negotiating
    disabledCommands: ['STARTTLS', 'AUTH'],
    // smtp-server looks up the client's name for every connection; the sink measures Backboard, not DNS
    disableReverseLookup: true,
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        arrivals.push({
          at: Date.now(),
          messageId: readMessageId(Buffer.concat(chunks).toString('utf8')),
          recipients: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;
  return { url: `smtp://127.0.0.1:${port}`, arrivals, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

export type OutboxCheck = {
  ok: boolean;
  expected: number;
  /** Messages addressed to the expected recipients that arrived after the start. */
  received: number;
  distinctMessageIds: number;
  distinctRecipients: number;
  /** Recipients who got more than one message. */
  doubled: number;
  missing: number;
  /** Messages without a Message-ID (each message must have a stable one). */
  withoutMessageId: number;
  /** Messages to anyone else in the same window (other mail the server sent): not counted. */
  others: number;
  /** From the start to the last expected message, in seconds. */
  seconds: number;
  perSecond: number;
  /** Delay from the start to each message's arrival, in ms. */
  firstMs: number;
  p50Ms: number;
  p99Ms: number;
};

/**
 * What the sink saw since `startedAt` (ms epoch) for the expected recipients: each must have exactly
 * one message, all Message-IDs distinct. Throughput counts the expected messages over the time from
 * the start to the last one.
 */
export function summarizeArrivals(arrivals: readonly Arrival[], expected: ReadonlySet<string>, startedAt: number): OutboxCheck {
  const mine = arrivals.filter((a) => a.at >= startedAt && a.recipients.some((r) => expected.has(r)));
  const others = arrivals.filter((a) => a.at >= startedAt).length - mine.length;
  const perRecipient = new Map<string, number>();
  for (const a of mine) for (const r of a.recipients) if (expected.has(r)) perRecipient.set(r, (perRecipient.get(r) ?? 0) + 1);
  const ids = new Set(mine.flatMap((a) => (a.messageId ? [normalizeMessageId(a.messageId)] : [])));
  const delays = mine.map((a) => a.at - startedAt).sort((a, b) => a - b);
  const at = (q: number) => (delays.length ? delays[Math.min(delays.length - 1, Math.floor(q * delays.length))] : 0);
  const last = delays.length ? delays[delays.length - 1] : 0;
  const check = {
    expected: expected.size,
    received: mine.length,
    distinctMessageIds: ids.size,
    distinctRecipients: perRecipient.size,
    doubled: [...perRecipient.values()].filter((n) => n > 1).length,
    missing: expected.size - perRecipient.size,
    withoutMessageId: mine.filter((a) => !a.messageId).length,
    others,
    seconds: last / 1000,
    perSecond: last > 0 ? (mine.length * 1000) / last : 0,
    firstMs: at(0),
    p50Ms: at(0.5),
    p99Ms: at(0.99),
  };
  const ok = check.received === check.expected && check.distinctRecipients === check.expected && check.distinctMessageIds === check.expected
    && check.doubled === 0 && check.withoutMessageId === 0;
  return { ok, ...check };
}
