import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { testTargets } from '../../../test/db.ts';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { createBrowserSession } from '../../../test/browser-session.ts';
import { startSmtpServer, type ReceivedMail, type TestSmtpServer } from '../../../test/smtp-server.ts';
import { createFileMailer, createSmtpMailer } from '../../email/create-mailer.ts';
import { hashToken } from '../../lib/tokens.ts';
import { requestMagicLink } from './request-magic-link.ts';

const PUBLIC_URL = 'http://portal.test:8080';
let ip = 0;
const nextIp = () => `10.1.0.${++ip}`;

function linkIn(mail: ReceivedMail): { link: string; token: string } {
  const match = /(http:\/\/portal\.test:8080\/auth\/magic\?token=([A-Za-z0-9_-]+))/.exec(mail.parsed.text ?? '');
  assert.ok(match, `no sign-in link in: ${mail.parsed.text}`);
  return { link: match[1], token: match[2] };
}

for (const target of testTargets()) {
  describe(`magic-link sign-in over real SMTP [${target.name}]`, () => {
    let smtp: TestSmtpServer;
    let t: TestApp;
    before(async () => {
      smtp = await startSmtpServer();
      t = await createTestApp(target, {
        config: { publicUrl: PUBLIC_URL },
        mailer: createSmtpMailer(smtp.url, 'Backboard <no-reply@backboard.test>'),
      });
    });
    after(async () => {
      await t.close();
      await t.mailer.close();
      await smtp.close();
    });

    const mailTo = (email: string) => smtp.waitFor((m) => m.envelope.to.includes(email));

    test('request → email → verify → signed in; the link works only once', async () => {
      const browser = createBrowserSession(t.app, { remoteAddress: nextIp() });
      await browser.me();
      const res = await browser.post('/api/v1/auth/magic-link', { email: ' Zoe@Example.com ', name: 'Zoë <script>alert(1)</script>', returnTo: '/boards/ideas?sort=new#top' });
      assert.equal(res.statusCode, 400, 'an email with spaces is refused by the schema');
      const ok = await browser.post('/api/v1/auth/magic-link', { email: 'Zoe@Example.com', name: 'Zoë <script>alert(1)</script>', returnTo: '/boards/ideas?sort=new#top' });
      assert.equal(ok.statusCode, 202);
      assert.deepEqual(ok.json(), { sent: true });

      const mail = await mailTo('zoe@example.com');
      assert.equal(mail.parsed.subject, `Sign in to ${t.workspace.name}`);
      const { link, token } = linkIn(mail);
      assert.ok(typeof mail.parsed.html === 'string' && mail.parsed.html.includes(`href="${link}"`));
      assert.ok(mail.parsed.html.includes('Zoë &lt;script&gt;alert(1)&lt;/script&gt;'), 'the name is escaped');
      assert.ok(!mail.parsed.html.includes('<script>'));

      const stored = await t.db.selectFrom('magic_links').selectAll().where('email', '=', 'zoe@example.com').executeTakeFirstOrThrow();
      assert.equal(stored.token_hash, hashToken(token), 'only the hash is stored');
      const minutes = (stored.expires_at.getTime() - stored.created_at.getTime()) / 60_000;
      assert.ok(minutes > 29 && minutes <= 30.1, `valid for 30 minutes, got ${minutes}`);
      assert.equal(await t.db.selectFrom('people').select('id').where('email', '=', 'zoe@example.com').executeTakeFirst(), undefined, 'no person until the link is used');

      // the person opens the link in a browser: the SPA loads /me, then verifies with the CSRF token
      const reader = createBrowserSession(t.app, { remoteAddress: nextIp() });
      await reader.me();
      const verified = await reader.post('/api/v1/auth/magic-link/verify', { token });
      assert.equal(verified.statusCode, 200, verified.body);
      assert.equal(verified.json().returnTo, '/boards/ideas?sort=new#top');
      assert.equal(verified.json().person.email, 'zoe@example.com');
      assert.equal(verified.json().person.name, 'Zoë <script>alert(1)</script>');
      const me = await reader.me();
      assert.equal(me.person?.email, 'zoe@example.com');
      assert.equal(me.member, null);

      const reused = await createBrowserSession(t.app, { remoteAddress: nextIp() }).post('/api/v1/auth/magic-link/verify', { token });
      assert.equal(reused.statusCode, 410);
      assert.equal(reused.json().code, 'magic_link_used');
      assert.equal((await reader.me()).person?.email, 'zoe@example.com', 'the first session still works');
    });

    test('the answer is the same for known and unknown addresses', async () => {
      const browser = createBrowserSession(t.app, { remoteAddress: nextIp() });
      await browser.post('/api/v1/auth/identify', { email: 'known@example.com', name: 'Known' });
      const anonymous = createBrowserSession(t.app, { remoteAddress: nextIp() });
      const known = await anonymous.post('/api/v1/auth/magic-link', { email: 'known@example.com' });
      const unknown = await anonymous.post('/api/v1/auth/magic-link', { email: 'unknown@example.com' });
      assert.equal(known.statusCode, unknown.statusCode);
      assert.equal(known.body, unknown.body);
      await mailTo('known@example.com');
      await mailTo('unknown@example.com');
    });

    test('unknown, expired and concurrently reused tokens', async () => {
      const browser = createBrowserSession(t.app, { remoteAddress: nextIp() });
      const bogus = await browser.post('/api/v1/auth/magic-link/verify', { token: 'not-a-real-token' });
      assert.equal(bogus.statusCode, 400);
      assert.equal(bogus.json().code, 'magic_link_invalid');
      assert.equal((await browser.post('/api/v1/auth/magic-link/verify', {})).statusCode, 400);

      await browser.post('/api/v1/auth/magic-link', { email: 'late@example.com' });
      const late = linkIn(await mailTo('late@example.com'));
      await t.db.updateTable('magic_links').set({ expires_at: new Date(Date.now() - 1000) }).where('token_hash', '=', hashToken(late.token)).execute();
      const expired = await browser.post('/api/v1/auth/magic-link/verify', { token: late.token });
      assert.equal(expired.statusCode, 410);
      assert.equal(expired.json().code, 'magic_link_expired');

      await browser.post('/api/v1/auth/magic-link', { email: 'race@example.com' });
      const race = linkIn(await mailTo('race@example.com'));
      const results = await Promise.all([1, 2, 3].map(() => t.app.inject({ method: 'POST', url: '/api/v1/auth/magic-link/verify', payload: { token: race.token }, remoteAddress: nextIp() })));
      assert.deepEqual(results.map((r) => r.statusCode).sort(), [200, 410, 410]);
      assert.equal(Number((await t.db.selectFrom('people').select((eb) => eb.fn.countAll().as('n')).where('email', '=', 'race@example.com').executeTakeFirstOrThrow()).n), 1);
    });

    test('returnTo can only point inside the site', async () => {
      for (const [returnTo, expected] of [['//evil.example/phish', '/'], ['https://evil.example', '/'], ['javascript:alert(1)', '/'], [undefined, '/'], ['/posts/1', '/posts/1']] as const) {
        const browser = createBrowserSession(t.app, { remoteAddress: nextIp() });
        const email = `rt-${Math.random().toString(36).slice(2)}@example.com`;
        assert.equal((await browser.post('/api/v1/auth/magic-link', { email, returnTo })).statusCode, 202);
        const { token } = linkIn(await mailTo(email));
        const verified = await browser.post('/api/v1/auth/magic-link/verify', { token });
        assert.equal(verified.json().returnTo, expected, String(returnTo));
      }
    });

    test('bad input is refused with field errors and stores nothing; requests are rate limited', async () => {
      const browser = createBrowserSession(t.app, { remoteAddress: nextIp() });
      const count = async () => (await t.db.selectFrom('magic_links').select('token_hash').execute()).length;
      const before = await count();
      for (const [payload, field] of [[{ email: 'nope' }, 'email'], [{}, 'email'], [{ email: 'a@example.com', name: '' }, 'name'], [{ email: 'a@example.com', returnTo: 'x'.repeat(2001) }, 'returnTo']] as const) {
        const res = await browser.post('/api/v1/auth/magic-link', payload);
        assert.equal(res.statusCode, 400, JSON.stringify(payload));
        assert.equal(res.json().errors[0].field, field);
      }
      assert.equal(await count(), before);

      const limited = createBrowserSession(t.app, { remoteAddress: nextIp() });
      const codes: number[] = [];
      for (let i = 0; i < 6; i++) codes.push((await limited.post('/api/v1/auth/magic-link', { email: `flood${i}@example.com` })).statusCode);
      assert.deepEqual(codes, [202, 202, 202, 202, 202, 429]);
    });

    test('with the file mailer the link is also logged, for instances without a mail server', async () => {
      const logged: Array<{ obj: unknown; msg?: string }> = [];
      const log = { info: (obj: unknown, msg?: string) => logged.push({ obj, msg }), warn() {}, error() {} };
      const mailer = createFileMailer(path.join(t.dataDir, 'mail-log-test'), t.config.mailFrom);
      const { link } = await requestMagicLink(
        { actor: { kind: 'anonymous', workspaceId: t.workspace.id }, db: t.db, now: new Date(), config: t.config, mailer, log },
        { email: 'Offline@Example.com' },
      );
      assert.match(link, /^http:\/\/portal\.test:8080\/auth\/magic\?token=[A-Za-z0-9_-]{43}$/);
      assert.deepEqual(logged, [{ obj: { email: 'offline@example.com', link }, msg: 'magic sign-in link (file mailer)' }]);
      assert.equal(smtp.received.some((m) => m.envelope.to.includes('offline@example.com')), false);
    });
  });
}
