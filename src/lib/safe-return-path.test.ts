import { test } from 'node:test';
import assert from 'node:assert/strict';
import { safeReturnPath } from './safe-return-path.ts';

test('keeps same-site paths with query and fragment', () => {
  assert.equal(safeReturnPath('/'), '/');
  assert.equal(safeReturnPath('/boards/feature-requests?sort=new#post-1'), '/boards/feature-requests?sort=new#post-1');
  assert.equal(safeReturnPath('/posts/../admin'), '/admin');
});

test('anything that could leave the site becomes "/"', () => {
  for (const hostile of [
    undefined, null, '', 'boards', 'https://evil.example/x', '//evil.example', '/\\evil.example', '\\\\evil.example',
    'javascript:alert(1)', '/\t/evil.example', '/\n/evil.example', 'http:/evil.example', '/a\\b', `/${'a'.repeat(2001)}`,
  ]) {
    assert.equal(safeReturnPath(hostile), '/', String(hostile));
  }
});
