import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isUuid } from './ids.ts';
import { isTimeKey } from './cursor.ts';

test('isUuid accepts the text form of a uuid, any case, and nothing else', () => {
  assert.ok(isUuid('0190f2a1-7c3e-7abc-8def-0123456789ab'));
  assert.ok(isUuid('0190F2A1-7C3E-7ABC-8DEF-0123456789AB'));
  for (const value of ['', 'not-a-uuid', '-'.repeat(36), '0190f2a1-7c3e-7abc-8def-0123456789ab ', '0190f2a17c3e7abc8def0123456789ab', 42, null, undefined, ['0190f2a1-7c3e-7abc-8def-0123456789ab']]) {
    assert.equal(isUuid(value), false, String(value));
  }
});

test('isTimeKey accepts the microsecond UTC keys cursors carry, not what PostgreSQL would also parse', () => {
  assert.ok(isTimeKey('2026-11-24T01:02:03.123456Z'));
  for (const value of ['yesterday', 'now', '2026-11-24', '2026-11-24T01:02:03Z', '2026-11-24T01:02:03.123Z', '2026-13-45T99:99:99.000000Z', 1, null]) {
    assert.equal(isTimeKey(value), false, String(value));
  }
});
