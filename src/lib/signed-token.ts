// Tamper-proof, stateless tokens: base64url(payload) + "." + base64url(HMAC-SHA256(secret, payload)),
// the MAC cut to 128 bits. For links that must keep working without a stored row (unsubscribe
// links in emails sent months ago) and that grant nothing beyond what their payload says.
import { createHmac, timingSafeEqual } from 'node:crypto';

const MAC_BYTES = 16;

function mac(secret: string, payload: string): Buffer {
  return createHmac('sha256', secret).update(payload).digest().subarray(0, MAC_BYTES);
}

export function signToken(secret: string, payload: string): string {
  return `${Buffer.from(payload, 'utf8').toString('base64url')}.${mac(secret, payload).toString('base64url')}`;
}

/** The payload when the token was signed with `secret` and not altered, else null. */
export function verifyToken(secret: string, token: string): string | null {
  const dot = token.indexOf('.');
  if (dot <= 0 || dot !== token.lastIndexOf('.')) return null;
  const payload = Buffer.from(token.slice(0, dot), 'base64url').toString('utf8');
  const given = Buffer.from(token.slice(dot + 1), 'base64url');
  const expected = mac(secret, payload);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  // base64url decoding is lenient; insist on the canonical form so one token has one spelling
  return signToken(secret, payload) === token ? payload : null;
}
