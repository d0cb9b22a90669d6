import { test } from 'node:test';
import assert from 'node:assert/strict';
import { containsPattern } from './like-pattern.ts';

test('wraps the text in wildcards and escapes LIKE metacharacters', () => {
  assert.equal(containsPattern('acme'), '%acme%');
  assert.equal(containsPattern('50%_off\\'), '%50\\%\\_off\\\\%');
});
