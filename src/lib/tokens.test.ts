import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hashPassword, hashToken, randomToken, verifyPassword } from './tokens.ts';

test('password hashes verify only the right password and are salted', async () => {
  const a = await hashPassword('correct horse battery');
  const b = await hashPassword('correct horse battery');
  assert.notEqual(a, b);
  assert.equal(await verifyPassword('correct horse battery', a), true);
  assert.equal(await verifyPassword('wrong', a), false);
  assert.equal(await verifyPassword('x', 'garbage'), false);
});

test('tokens are random and hashed deterministically', () => {
  const t = randomToken('bb_');
  assert.match(t, /^bb_[A-Za-z0-9_-]{43}$/);
  assert.notEqual(t, randomToken('bb_'));
  assert.equal(hashToken(t), hashToken(t));
  assert.equal(hashToken(t).length, 64);
});
