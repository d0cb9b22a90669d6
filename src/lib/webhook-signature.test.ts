import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { generateWebhookSecret, signWebhookMessage, webhookSecretKey, webhookSignatureHeader } from './webhook-signature.ts';

// A fixed vector computed here from first principles (the key bytes are the base64 payload of the
// secret): HMAC-SHA256(key = bytes 0x00..0x1f, "msg_test.1700000000.{"a":1}").
const KEY = Buffer.from(Array.from({ length: 32 }, (_, i) => i));
const SECRET = `whsec_${KEY.toString('base64')}`;
const BODY = '{"a":1}';

test('the signature is base64 HMAC-SHA256 of "id.timestamp.body" under the decoded key', () => {
  const expected = createHmac('sha256', KEY).update('msg_test.1700000000.{"a":1}').digest('base64');
  assert.equal(signWebhookMessage(SECRET, 'msg_test', 1700000000, BODY), `v1,${expected}`);
  // …and not an HMAC keyed by the secret's text, a mistake that would still "look" right
  const wrong = createHmac('sha256', SECRET).update('msg_test.1700000000.{"a":1}').digest('base64');
  assert.notEqual(expected, wrong);
  assert.deepEqual(webhookSecretKey(SECRET), KEY);
});

test('the standardwebhooks reference library verifies what we sign, and rejects a changed body', () => {
  const timestamp = Math.floor(Date.now() / 1000);
  const headers = { 'webhook-id': 'msg_abc', 'webhook-timestamp': String(timestamp), 'webhook-signature': signWebhookMessage(SECRET, 'msg_abc', timestamp, BODY) };
  assert.deepEqual(new Webhook(SECRET).verify(BODY, headers), { a: 1 });
  assert.throws(() => new Webhook(SECRET).verify('{"a":2}', headers));
  assert.equal(new Webhook(SECRET).sign('msg_abc', new Date(timestamp * 1000), BODY), headers['webhook-signature']);
});

test('during a rotation both secrets sign, and a receiver holding either one verifies', () => {
  const next = generateWebhookSecret();
  assert.match(next, /^whsec_[A-Za-z0-9+/]{43}=$/);
  assert.equal(webhookSecretKey(next).length, 32);
  const timestamp = Math.floor(Date.now() / 1000);
  const header = webhookSignatureHeader([next, SECRET], 'msg_rot', timestamp, BODY);
  const parts = header.split(' ');
  assert.equal(parts.length, 2);
  assert.ok(parts.every((p) => p.startsWith('v1,')));
  const headers = { 'webhook-id': 'msg_rot', 'webhook-timestamp': String(timestamp), 'webhook-signature': header };
  assert.deepEqual(new Webhook(next).verify(BODY, headers), { a: 1 });
  assert.deepEqual(new Webhook(SECRET).verify(BODY, headers), { a: 1 });
  assert.throws(() => new Webhook(generateWebhookSecret()).verify(BODY, headers));
});

test('refuses secrets without the whsec_ prefix and signing with no secret', () => {
  assert.throws(() => webhookSecretKey('abc'));
  assert.throws(() => webhookSignatureHeader([], 'msg', 1, ''));
});
