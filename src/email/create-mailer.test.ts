import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, readdir, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { startSmtpServer, type TestSmtpServer } from '../../test/smtp-server.ts';
import { createFileMailer, createMailer, createSmtpMailer } from './create-mailer.ts';
import { renderMagicLinkEmail } from './magic-link-email.ts';

const FROM = 'Backboard <no-reply@backboard.test>';

describe('SMTP adapter against a real SMTP server', () => {
  let smtp: TestSmtpServer;
  before(async () => {
    smtp = await startSmtpServer();
  });
  after(() => smtp.close());

  test('delivers to, subject, text and HTML parts and the Message-ID', async () => {
    const mailer = createSmtpMailer(smtp.url, FROM);
    try {
      const sent = await mailer.send({
        to: 'customer@example.com',
        subject: 'Sign in to Acme — café',
        text: 'Plain body\nsecond line',
        html: '<p>HTML <strong>body</strong></p>',
        headers: { 'X-Backboard-Kind': 'magic-link' },
      });
      assert.match(sent.messageId, /^<[^@>]+@backboard\.test>$/);
      const mail = await smtp.waitFor((m) => m.parsed.messageId === sent.messageId);
      assert.deepEqual(mail.envelope, { from: 'no-reply@backboard.test', to: ['customer@example.com'] });
      const parsed = mail.parsed;
      assert.equal(parsed.subject, 'Sign in to Acme — café');
      assert.equal(parsed.text?.trim(), 'Plain body\nsecond line');
      assert.equal(parsed.html, '<p>HTML <strong>body</strong></p>');
      assert.equal(parsed.from?.value[0].address, 'no-reply@backboard.test');
      const to = Array.isArray(parsed.to) ? parsed.to[0] : parsed.to;
      assert.equal(to?.value[0].address, 'customer@example.com');
      assert.equal(parsed.headers.get('x-backboard-kind'), 'magic-link');
    } finally {
      await mailer.close();
    }
  });

  test('a caller-chosen Message-ID is kept (a retried send is recognisable)', async () => {
    const mailer = createSmtpMailer(smtp.url, FROM);
    try {
      const sent = await mailer.send({ to: 'a@example.com', subject: 'Hi', text: 'x', html: '<p>x</p>', messageId: '<fixed-id-1@backboard.test>' });
      assert.equal(sent.messageId, '<fixed-id-1@backboard.test>');
      const mail = await smtp.waitFor((m) => m.parsed.messageId === '<fixed-id-1@backboard.test>');
      assert.equal(mail.parsed.subject, 'Hi');
    } finally {
      await mailer.close();
    }
  });

  test('createMailer picks SMTP when SMTP_URL is set', async () => {
    const mailer = createMailer({ smtpUrl: smtp.url, mailFrom: FROM, dataDir: os.tmpdir() }, { info() {} });
    try {
      assert.equal(mailer.kind, 'smtp');
      const sent = await mailer.send({ to: 'b@example.com', subject: 'Via config', text: 't', html: '<p>t</p>' });
      assert.equal((await smtp.waitFor((m) => m.parsed.messageId === sent.messageId)).parsed.subject, 'Via config');
    } finally {
      await mailer.close();
    }
  });

  test('an unreachable server is an error, not a silent loss', async () => {
    const dead = await startSmtpServer();
    const url = dead.url;
    await dead.close();
    const mailer = createSmtpMailer(url, FROM);
    try {
      await assert.rejects(mailer.send({ to: 'c@example.com', subject: 'Lost?', text: 't', html: '<p>t</p>' }));
    } finally {
      await mailer.close();
    }
  });
});

describe('file adapter', () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'bb-mail-'));
  });
  after(() => rm(dir, { recursive: true, force: true }));

  test('writes each message as a parseable, private .eml file', async () => {
    const seen: string[] = [];
    const mailer = createFileMailer(path.join(dir, 'mail'), FROM, (sent) => seen.push(sent.location ?? ''));
    const message = renderMagicLinkEmail({
      to: 'dana@example.com', name: '<b>Dana</b>', workspaceName: 'Acme & Co', link: 'http://127.0.0.1:3000/auth/magic?token=abc', validMinutes: 30,
    });
    const sent = await mailer.send(message);
    const location = sent.location ?? '';
    assert.ok(location.endsWith('.eml'));
    assert.deepEqual(seen, [location]);
    assert.deepEqual(await readdir(path.join(dir, 'mail')), [path.basename(location)]);
    assert.equal((await stat(location)).mode & 0o777, 0o600, 'mail may hold sign-in links: owner-only');

    const parsed = await simpleParser(await readFile(location));
    assert.equal(parsed.messageId, sent.messageId);
    assert.equal(parsed.subject, 'Sign in to Acme & Co');
    const to = Array.isArray(parsed.to) ? parsed.to[0] : parsed.to;
    assert.equal(to?.value[0].address, 'dana@example.com');
    assert.ok(parsed.text?.includes('http://127.0.0.1:3000/auth/magic?token=abc'));
    assert.ok(typeof parsed.html === 'string' && parsed.html.includes('href="http://127.0.0.1:3000/auth/magic?token=abc"'));
    assert.ok(parsed.html.includes('Hi &lt;b&gt;Dana&lt;/b&gt;,'), 'the name is escaped in HTML');
    assert.ok(parsed.html.includes('Acme &amp; Co'));
    assert.ok(!parsed.html.includes('<b>Dana</b>'));
  });

  test('createMailer falls back to files in DATA_DIR/mail and logs where it wrote', async () => {
    const logged: unknown[] = [];
    const mailer = createMailer({ smtpUrl: null, mailFrom: FROM, dataDir: dir }, { info: (obj) => logged.push(obj) });
    assert.equal(mailer.kind, 'file');
    const sent = await mailer.send({ to: 'e@example.com', subject: 'Fallback', text: 't', html: '<p>t</p>' });
    assert.equal(path.dirname(sent.location ?? ''), path.join(dir, 'mail'));
    assert.equal(logged.length, 1);
  });
});
