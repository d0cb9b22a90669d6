// Standard Webhooks signing (https://www.standardwebhooks.com): the receiver recomputes
// base64(HMAC-SHA256(key, "<webhook-id>.<webhook-timestamp>.<body>")) and compares. Pure functions,
// no app imports; verification for integrators is documented in README "Webhooks".
import { createHmac, randomBytes } from 'node:crypto';

export const WEBHOOK_SECRET_PREFIX = 'whsec_';

/** A fresh endpoint secret: "whsec_" + base64 of 32 random bytes (the spec asks for 24-64). */
export function generateWebhookSecret(): string {
  return WEBHOOK_SECRET_PREFIX + randomBytes(32).toString('base64');
}

/** The HMAC key is the base64-decoded part after "whsec_", not the string itself. */
export function webhookSecretKey(secret: string): Buffer {
  if (!secret.startsWith(WEBHOOK_SECRET_PREFIX)) throw new Error('webhook secrets start with whsec_');
  return Buffer.from(secret.slice(WEBHOOK_SECRET_PREFIX.length), 'base64');
}

/** One "v1,<base64>" signature of a message. */
export function signWebhookMessage(secret: string, id: string, timestamp: number, body: string): string {
  const mac = createHmac('sha256', webhookSecretKey(secret)).update(`${id}.${timestamp}.${body}`).digest('base64');
  return `v1,${mac}`;
}

/**
 * The webhook-signature header value: one signature per secret, space-separated (during a rotation's
 * grace period the old secret signs too, so receivers that still hold it keep verifying).
 */
export function webhookSignatureHeader(secrets: readonly string[], id: string, timestamp: number, body: string): string {
  if (secrets.length === 0) throw new Error('at least one secret is needed to sign');
  return secrets.map((secret) => signWebhookMessage(secret, id, timestamp, body)).join(' ');
}
