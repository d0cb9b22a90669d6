import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AddressRefusedError, assertHostAllowed, bareHostname, guardedLookup, refusedRange } from './outbound-address.ts';

const strict = { allowLoopback: false };
const dev = { allowLoopback: true };

test('only public unicast addresses pass', () => {
  const refused: Array<[string, string]> = [
    ['10.0.0.1', 'private'], ['172.16.5.4', 'private'], ['172.31.255.255', 'private'], ['192.168.1.1', 'private'],
    ['127.0.0.1', 'loopback'], ['127.9.9.9', 'loopback'], ['::1', 'loopback'],
    ['169.254.169.254', 'linkLocal'], ['169.254.0.1', 'linkLocal'], ['fe80::1', 'linkLocal'],
    ['100.64.0.1', 'carrierGradeNat'], ['100.127.255.254', 'carrierGradeNat'],
    ['0.0.0.0', 'unspecified'], ['0.1.2.3', 'unspecified'], ['::', 'unspecified'],
    ['224.0.0.1', 'multicast'], ['ff02::1', 'multicast'], ['255.255.255.255', 'broadcast'],
    ['fc00::1', 'private'], ['fd12:3456::1', 'private'],
    ['::ffff:127.0.0.1', 'loopback'], ['::ffff:10.0.0.1', 'private'], ['::ffff:169.254.169.254', 'linkLocal'],
    ['::127.0.0.1', 'loopback'], ['::7f00:1', 'IPv4-compatible'], ['64:ff9b::a00:1', 'rfc6052'], ['240.0.0.1', 'reserved'],
    ['not-an-ip', 'malformed'],
  ];
  for (const [address, range] of refused) assert.equal(refusedRange(address, strict), range, address);
  for (const address of ['93.184.215.14', '8.8.8.8', '172.32.0.1', '100.128.0.1', '2606:4700::1111', '::ffff:8.8.8.8']) {
    assert.equal(refusedRange(address, strict), null, address);
  }
});

test('allowing loopback opens 127/8 and ::1 only', () => {
  for (const address of ['127.0.0.1', '127.0.0.2', '::1', '::ffff:127.0.0.1']) assert.equal(refusedRange(address, dev), null, address);
  for (const address of ['10.0.0.1', '169.254.169.254', '192.168.0.1', '0.0.0.0', 'fe80::1', '::']) {
    assert.notEqual(refusedRange(address, dev), null, address);
  }
});

test('hostnames are resolved and judged on every address; IP literals without resolving', async () => {
  assert.equal(bareHostname('[::1]'), '::1');
  await assert.rejects(assertHostAllowed('localhost', strict), AddressRefusedError);
  await assert.rejects(assertHostAllowed('[::1]', strict), /::1 is in the loopback range/);
  await assert.rejects(assertHostAllowed('169.254.169.254', dev), /linkLocal/);
  await assert.rejects(assertHostAllowed('10.0.0.1', dev), /private/);
  assert.ok((await assertHostAllowed('localhost', dev)).length >= 1);
  assert.deepEqual(await assertHostAllowed('127.0.0.1', dev), ['127.0.0.1']);
});

test('the connect-time lookup refuses a name that resolves to a refused address', async () => {
  const lookup = guardedLookup(strict);
  const error = await new Promise<Error | null>((resolve) => lookup('localhost', { all: true }, (err) => resolve(err)));
  assert.ok(error instanceof AddressRefusedError);
  assert.match(error.message, /localhost resolves to .* loopback range/);
  const allowed = await new Promise<unknown>((resolve, reject) => {
    guardedLookup(dev)('localhost', { family: 4 }, (err, address, family) => (err ? reject(err) : resolve([address, family])));
  });
  assert.deepEqual(allowed, ['127.0.0.1', 4]);
});
