import { test } from 'node:test';
import assert from 'node:assert/strict';
import { VersionedCache } from './versioned-cache.ts';

test('entries live until their scope is invalidated', () => {
  const cache = new VersionedCache<string>();
  cache.set('ws1', 'a', 'one', cache.versionOf('ws1'));
  cache.set('ws2', 'a', 'two', cache.versionOf('ws2'));
  assert.equal(cache.get('ws1', 'a'), 'one');
  cache.invalidate('ws1');
  assert.equal(cache.get('ws1', 'a'), undefined);
  assert.equal(cache.get('ws2', 'a'), 'two', 'other scopes are untouched');
});

test('a value computed before an invalidation is never stored', () => {
  const cache = new VersionedCache<string>();
  const version = cache.versionOf('ws');
  cache.invalidate('ws'); // a write committed while the read was computing
  cache.set('ws', 'k', 'stale', version);
  assert.equal(cache.get('ws', 'k'), undefined);
});

test('bounded: the oldest entries are evicted', () => {
  const cache = new VersionedCache<number>(3);
  for (let i = 0; i < 5; i++) cache.set('ws', `k${i}`, i, 0);
  assert.equal(cache.size, 3);
  assert.equal(cache.get('ws', 'k0'), undefined);
  assert.equal(cache.get('ws', 'k4'), 4);
});

test('entries older than maxAgeMs are not served', () => {
  const cache = new VersionedCache<number>(10, 1000);
  cache.set('ws', 'k', 1, 0);
  assert.equal(cache.get('ws', 'k'), 1);
  assert.equal(cache.get('ws', 'k', Date.now() + 1001), undefined);
});

test('clear drops everything', () => {
  const cache = new VersionedCache<number>();
  cache.set('a', 'k', 1, 0);
  cache.clear();
  assert.equal(cache.get('a', 'k'), undefined);
});
