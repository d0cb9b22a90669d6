import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { testTargets } from '../../../test/db.ts';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { startSmtpServer, type TestSmtpServer } from '../../../test/smtp-server.ts';
import { startTestWorker, waitForJobsDone } from '../../../test/worker.ts';
import { createMember } from '../../../test/factories/team.ts';
import { castVote, contextFor, createTestPost, memberHeaders } from '../../../test/factories/content.ts';
import { createFileMailer, createSmtpMailer } from '../../email/create-mailer.ts';
import type { Mailer } from '../../email/mailer.ts';
import type { WorkerHandle } from '../../jobs/start-worker.ts';
import { scanDigests } from './index.ts';
import { sendTestMail } from './mail-settings.ts';

const silent = { info() {}, warn() {}, error() {} };

for (const target of testTargets()) {
  describe(`mail settings, test message and digest [${target.name}]`, () => {
    let t: TestApp;
    let smtp: TestSmtpServer;
    let mailer: Mailer;
    let worker: WorkerHandle;
    let admin: { id: string; email: string };
    let headers: Record<string, string>;

    before(async () => {
      smtp = await startSmtpServer();
      mailer = createSmtpMailer(smtp.url, 'Backboard <no-reply@bb.test>');
      // the URL the settings page describes; the mailer in use talks to the test server without auth
      t = await createTestApp(target, { mailer, config: { smtpUrl: `smtp://mailer%40bb.test:s3cret-pass@127.0.0.1:${smtp.port}` } });
      worker = await startTestWorker(t, { mailer });
      admin = await createMember(t.db, t.workspace.id, { role: 'admin', email: 'ops@bb.test' });
      headers = await memberHeaders(t, admin.id);
    });
    after(async () => {
      await worker.stop();
      await mailer.close();
      await t.close();
      await smtp.close();
    });

    test('the settings show the SMTP server with the password masked, and the retry schedule', async () => {
      const res = await t.app.inject({ method: 'GET', url: '/api/v1/mail/settings', headers });
      assert.equal(res.statusCode, 200);
      assert.ok(!res.body.includes('s3cret-pass'), 'the password never leaves the server');
      const settings = res.json();
      assert.deepEqual(settings.smtp, { host: '127.0.0.1', port: smtp.port, secure: false, user: 'mailer@bb.test', password: '••••••••' });
      assert.equal(settings.adapter, 'smtp');
      assert.equal(settings.retry.maxAttempts, 14);
      assert.deepEqual(settings.retry.scheduleMs.slice(0, 3), [30_000, 60_000, 120_000]);
      const member = await createMember(t.db, t.workspace.id, { role: 'member' });
      assert.equal((await t.app.inject({ method: 'GET', url: '/api/v1/mail/settings', headers: await memberHeaders(t, member.id) })).statusCode, 403);
    });

    test('a test message reaches the SMTP server', async () => {
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/mail/test', headers, payload: { to: 'inbox@example.com' } });
      assert.equal(res.statusCode, 200);
      const result = res.json();
      assert.equal(result.ok, true);
      const mail = await smtp.waitFor((m) => m.parsed.messageId === result.messageId);
      assert.deepEqual(mail.envelope.to, ['inbox@example.com']);
      assert.equal(mail.parsed.subject, 'Backboard test message');
      assert.equal((await t.app.inject({ method: 'POST', url: '/api/v1/mail/test', headers, payload: { to: 'not an address' } })).statusCode, 400);
    });

    test("a failing server's exact error is reported", async () => {
      const dead = await startSmtpServer();
      await dead.close();
      const deadMailer = createSmtpMailer(dead.url, 'Backboard <no-reply@bb.test>');
      const actor = { kind: 'member' as const, workspaceId: t.workspace.id, memberId: admin.id, role: 'admin' as const };
      const result = await sendTestMail({ ...contextFor(t, actor), mailer: deadMailer }, { to: 'x@example.com' });
      await deadMailer.close();
      assert.equal(result.ok, false);
      assert.match(result.error ?? '', new RegExp(`ECONNREFUSED 127\\.0\\.0\\.1:${dead.port}`));

      // a server that refuses the login: the reply text of the server itself comes back
      const strict = await startSmtpServer({ auth: { user: 'someone', pass: 'right' } });
      const authMailer = createSmtpMailer(`smtp://someone:wrong@127.0.0.1:${strict.port}`, 'Backboard <no-reply@bb.test>');
      const refused = await sendTestMail({ ...contextFor(t, actor), mailer: authMailer }, { to: 'x@example.com' });
      await authMailer.close();
      await strict.close();
      assert.equal(refused.ok, false);
      assert.match(refused.error ?? '', /535 Invalid username or password/);
    });

    test('without SMTP_URL the settings say mail goes to .eml files', async () => {
      const fileApp = await createTestApp(target, { mailer: createFileMailer('/tmp/unused-mail', 'x@bb.test') });
      try {
        const owner = await createMember(fileApp.db, fileApp.workspace.id, { role: 'owner' });
        const settings = (await fileApp.app.inject({ method: 'GET', url: '/api/v1/mail/settings', headers: await memberHeaders(fileApp, owner.id) })).json();
        assert.equal(settings.adapter, 'file');
        assert.equal(settings.smtp, null);
        assert.equal(settings.directory, `${fileApp.dataDir}/mail`);
      } finally {
        await fileApp.close();
      }
    });

    test('the daily digest: new feedback, top movers and the triage queue, once per period', async () => {
      const digestReader = await createMember(t.db, t.workspace.id, { email: 'digest@bb.test', name: 'Dee' });
      const prefs = await t.app.inject({ method: 'PATCH', url: '/api/v1/preferences', headers: await memberHeaders(t, digestReader.id), payload: { digest: 'daily' } });
      assert.equal(prefs.json().preferences.digest, 'daily');
      const hot = await createTestPost(t, { title: 'Export to CSV please' });
      for (let i = 0; i < 3; i++) await castVote(t, hot.id, `digest-voter-${i}@example.com`);

      assert.ok((await scanDigests({ db: t.db, log: silent })) >= 1);
      await waitForJobsDone(t, ['notification.send-digest']);
      const mail = await smtp.waitFor((m) => m.envelope.to.includes('digest@bb.test'));
      assert.match(mail.parsed.subject ?? '', /new posts?, \d+ waiting for triage$/);
      const html = String(mail.parsed.html);
      assert.ok(html.includes('Top movers'));
      assert.ok(html.includes('Export to CSV please'));
      assert.ok(mail.parsed.text?.includes(`Export to CSV please (+4 votes): ${t.config.publicUrl}/admin/posts/${hot.id}`), 'the author and 3 voters: the top mover');
      assert.equal(await scanDigests({ db: t.db, log: silent }), 0, 'not due again within the day');
      assert.equal(smtp.received.filter((m) => m.envelope.to.includes('digest@bb.test')).length, 1);
    });
  });
}
