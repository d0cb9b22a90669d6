import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createSmtpMailer } from '../src/email/create-mailer.ts';
import { normalizeMessageId, readMessageId, startSmtpSink, summarizeArrivals, type Arrival, type SmtpSink } from './smtp-sink.ts';

describe('readMessageId', () => {
  test('reads the header in any case, unfolds it, and ignores the body', () => {
    assert.equal(readMessageId('From: a@x\r\nMessage-ID: <1@host>\r\nSubject: hi\r\n\r\nbody'), '<1@host>');
    assert.equal(readMessageId('message-id:\r\n <2@host>\r\n\r\n'), '<2@host>');
    assert.equal(readMessageId('From: a@x\n\nMessage-ID: <in-the-body@host>'), null);
    assert.equal(normalizeMessageId(' <ABC@Host> '), 'abc@host');
    assert.equal(normalizeMessageId('abc@host'), 'abc@host');
  });
});

describe('summarizeArrivals', () => {
  const expected = new Set(['a@x', 'b@x', 'c@x', 'd@x']);
  const arrival = (at: number, to: string, id: string | null = `<${to}-${at}>`): Arrival => ({ at, messageId: id, recipients: [to] });

  test('one message each: throughput over the time to the last one, delays from the start', () => {
    const check = summarizeArrivals([arrival(900, 'a@x'), arrival(1100, 'a@x'), arrival(1200, 'b@x'), arrival(1300, 'other@x'), arrival(1500, 'c@x'), arrival(3000, 'd@x')], expected, 1000);
    assert.equal(check.ok, true);
    assert.equal(check.received, 4, 'the message before the start does not count');
    assert.equal(check.others, 1);
    assert.equal(check.seconds, 2);
    assert.equal(check.perSecond, 2);
    assert.deepEqual([check.firstMs, check.p50Ms, check.p99Ms], [100, 500, 2000]);
  });

  test('a doubled, a missing and an id-less message each fail the check', () => {
    const doubled = summarizeArrivals([arrival(1, 'a@x'), arrival(2, 'b@x'), arrival(3, 'c@x'), arrival(4, 'c@x')], expected, 0);
    assert.equal(doubled.ok, false);
    assert.deepEqual([doubled.received, doubled.doubled, doubled.missing, doubled.distinctMessageIds], [4, 1, 1, 4]);
    const sameId = summarizeArrivals([...expected].map((to, i) => arrival(i + 1, to, '<same@host>')), expected, 0);
    assert.equal(sameId.ok, false);
    assert.equal(sameId.distinctMessageIds, 1);
    const noId = summarizeArrivals([...expected].map((to, i) => arrival(i + 1, to, i === 0 ? null : `<${to}>`)), expected, 0);
    assert.equal(noId.ok, false);
    assert.equal(noId.withoutMessageId, 1);
  });
});

describe('the SMTP sink', () => {
  let sink: SmtpSink;
  before(async () => {
    sink = await startSmtpSink();
  });
  after(() => sink.close());

  test('receives what nodemailer sends, with its Message-ID and recipient', async () => {
    const mailer = createSmtpMailer(sink.url, 'Backboard <no-reply@bench.test>');
    try {
      for (const n of [1, 2, 3]) {
        await mailer.send({ to: `Reader-${n}@Example.com`, subject: `Hello ${n}`, text: 'plain', html: '<p>html</p>', messageId: `<m${n}@bench.test>` });
      }
    } finally {
      await mailer.close();
    }
    assert.deepEqual(sink.arrivals.map((a) => [a.messageId, a.recipients]), [
      ['<m1@bench.test>', ['reader-1@example.com']], ['<m2@bench.test>', ['reader-2@example.com']], ['<m3@bench.test>', ['reader-3@example.com']],
    ]);
  });
});
