import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decideEmail, preferenceSkip } from './delivery-decisions.ts';

const on = { statusUpdates: true, commentReplies: true, changelog: true, unsubscribedAll: false, digest: 'off' as const };

test('a reachable follower with default preferences gets the email', () => {
  assert.deepEqual(decideEmail({ kind: 'status_changed', blocked: null, address: 'a@example.com', preferences: on }), { state: 'queued', skipReason: null });
});

test('skip reasons in order: blocked, no address, all mail off, category off', () => {
  const decide = (over: Partial<Parameters<typeof decideEmail>[0]>) => decideEmail({ kind: 'status_changed', blocked: null, address: 'a@example.com', preferences: on, ...over }).skipReason;
  assert.equal(decide({ blocked: 'self', address: null }), 'self');
  assert.equal(decide({ blocked: 'private_board' }), 'private_board');
  assert.equal(decide({ address: '' }), 'no_email');
  assert.equal(decide({ address: 'not-an-address' }), 'no_email');
  assert.equal(decide({ preferences: { ...on, unsubscribedAll: true, statusUpdates: false } }), 'unsubscribed');
  assert.equal(decide({ preferences: { ...on, statusUpdates: false } }), 'preference_off');
});

test('each kind maps to its category', () => {
  assert.equal(preferenceSkip('official_reply', { ...on, statusUpdates: false }), 'preference_off');
  assert.equal(preferenceSkip('comment_reply', { ...on, statusUpdates: false }), null);
  assert.equal(preferenceSkip('comment_reply', { ...on, commentReplies: false }), 'preference_off');
  assert.equal(preferenceSkip('changelog', { ...on, changelog: false }), 'preference_off');
  assert.equal(preferenceSkip('changelog', on), null);
});
