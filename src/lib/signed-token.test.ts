import { test } from 'node:test';
import assert from 'node:assert/strict';
import { signToken, verifyToken } from './signed-token.ts';

test('a signed token verifies to its payload with the same secret only', () => {
  const token = signToken('secret-a', 'p:123|all');
  assert.match(token, /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{22}$/);
  assert.equal(verifyToken('secret-a', token), 'p:123|all');
  assert.equal(verifyToken('secret-b', token), null);
});

test('any change to payload or MAC is refused', () => {
  const token = signToken('s', 'p:123|post:abc');
  const [payload, sig] = token.split('.');
  const forged = `${Buffer.from('p:124|post:abc').toString('base64url')}.${sig}`;
  assert.equal(verifyToken('s', forged), null);
  const flipped = sig.slice(0, -1) + (sig.endsWith('A') ? 'B' : 'A');
  assert.equal(verifyToken('s', `${payload}.${flipped}`), null);
  for (const junk of ['', '.', 'abc', 'a.b.c', `${payload}.`, `.${sig}`, `${payload}.${sig}=`]) assert.equal(verifyToken('s', junk), null, junk);
});
