import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import nodemailer from 'nodemailer';
import type { Mailer, MailMessage, SentMail } from './mailer.ts';

function domainOf(from: string): string {
  const match = /@([^>\s]+)/.exec(from);
  return match ? match[1] : 'localhost';
}

function toNodemailer(from: string, message: MailMessage) {
  return {
    from,
    to: message.to,
    subject: message.subject,
    text: message.text,
    html: message.html,
    messageId: message.messageId ?? `<${randomUUID()}@${domainOf(from)}>`,
    headers: message.headers,
  };
}

export function createSmtpMailer(smtpUrl: string, from: string): Mailer {
  // nodemailer's defaults wait up to 2 min to connect and 10 min on a silent socket; a job holding a
  // delivery should fail fast instead and be retried with backoff (src/jobs/with-retry.ts).
  // Pooled: a fan-out to thousands of followers reuses a few connections instead of one handshake per
  // message (docs/PERFORMANCE.md, outbox: ~10× the throughput).
  const transport = nodemailer.createTransport({
    url: smtpUrl, pool: true, maxConnections: 4, connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 60_000,
  });
  return {
    kind: 'smtp',
    async send(message) {
      const mail = toNodemailer(from, message);
      const info = await transport.sendMail(mail);
      return { messageId: info.messageId ?? mail.messageId };
    },
    async close() {
      transport.close();
    },
  };
}

/** Writes each message as an RFC 5322 .eml file (nodemailer's stream transport builds it). */
export function createFileMailer(dir: string, from: string, onSent?: (sent: SentMail, message: MailMessage) => void): Mailer {
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    kind: 'file',
    async send(message) {
      const mail = toNodemailer(from, message);
      const info = await transport.sendMail(mail);
      await mkdir(dir, { recursive: true });
      const stamp = new Date().toISOString().replace(/[:.]/g, '-');
      const location = path.join(dir, `${stamp}-${randomUUID().slice(0, 8)}.eml`);
      await writeFile(location, info.message as Buffer, { mode: 0o600 });
      const sent = { messageId: mail.messageId, location };
      onSent?.(sent, message);
      return sent;
    },
    async close() {},
  };
}

/** The configured adapter: SMTP when SMTP_URL is set, else .eml files in DATA_DIR/mail. */
export function createMailer(config: { smtpUrl: string | null; mailFrom: string; dataDir: string }, log: { info(obj: unknown, msg?: string): void }): Mailer {
  if (config.smtpUrl) return createSmtpMailer(config.smtpUrl, config.mailFrom);
  return createFileMailer(path.join(config.dataDir, 'mail'), config.mailFrom, (sent, message) => {
    log.info({ to: message.to, subject: message.subject, file: sent.location }, 'mail written to file (set SMTP_URL to send real email)');
  });
}
