// The mail settings page: what the instance is configured to do (never the password), and a test send
// that reports the SMTP server's exact answer.
import path from 'node:path';
import type { Context } from '../context.ts';
import { retrySchedule } from '../../jobs/with-retry.ts';
import { escapeHtml } from '../../email/magic-link-email.ts';
import { emailRetryPolicy } from './notification-tasks.ts';
import { describeMailError } from './mail-error.ts';
import { canManageMail } from './notifications.policy.ts';
import { adminOnly } from './notifications.errors.ts';

export type MailSettings = {
  adapter: 'smtp' | 'file';
  from: string;
  smtp: { host: string; port: number; secure: boolean; user: string | null; password: string | null } | null;
  directory: string | null;
  retry: { baseMs: number; maxMs: number; maxAttempts: number; scheduleMs: number[] };
};

const MASK = '••••••••';

export function getMailSettings(ctx: Context): MailSettings {
  if (!canManageMail(ctx.actor)) throw adminOnly();
  const policy = emailRetryPolicy(ctx.config);
  const retry = { ...policy, scheduleMs: retrySchedule(policy) };
  const url = ctx.config.smtpUrl ? new URL(ctx.config.smtpUrl) : null;
  if (ctx.mailer.kind === 'smtp' && url) {
    const secure = url.protocol === 'smtps:';
    return {
      adapter: 'smtp',
      from: ctx.config.mailFrom,
      smtp: {
        host: url.hostname,
        port: url.port ? Number(url.port) : secure ? 465 : 587,
        secure,
        user: url.username ? decodeURIComponent(url.username) : null,
        password: url.password ? MASK : null,
      },
      directory: null,
      retry,
    };
  }
  return { adapter: 'file', from: ctx.config.mailFrom, smtp: null, directory: path.join(ctx.config.dataDir, 'mail'), retry };
}

export type TestMailResult = { ok: boolean; adapter: 'smtp' | 'file'; messageId: string | null; location: string | null; error: string | null };

/** Sends a test message now (not through the queue: the admin wants the server's answer, right away). */
export async function sendTestMail(ctx: Context, input: { to: string }): Promise<TestMailResult> {
  if (!canManageMail(ctx.actor)) throw adminOnly();
  const text = `This is a test message from Backboard (${ctx.config.publicUrl}). If you can read it, notification email works.`;
  try {
    const sent = await ctx.mailer.send({
      to: input.to,
      subject: 'Backboard test message',
      text,
      html: `<p>${escapeHtml(text)}</p>`,
      headers: { 'Auto-Submitted': 'auto-generated', 'X-Backboard-Kind': 'test' },
    });
    return { ok: true, adapter: ctx.mailer.kind, messageId: sent.messageId, location: sent.location ?? null, error: null };
  } catch (error) {
    ctx.log.warn({ err: error }, 'test message failed');
    return { ok: false, adapter: ctx.mailer.kind, messageId: null, location: null, error: describeMailError(error) };
  }
}
