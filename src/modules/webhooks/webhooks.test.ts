import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { testTargets } from '../../../test/db.ts';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { createBrowserSession } from '../../../test/browser-session.ts';
import { bearer, createApiKey, createMember, FACTORY_PASSWORD } from '../../../test/factories/team.ts';
import { createWorkspace } from '../workspaces/index.ts';
import { EVENT_TYPES } from '../events/index.ts';

// The configuration API. Deliveries to a real receiver: webhook-delivery.test.ts.
for (const target of testTargets()) {
  describe(`Webhook endpoints API [${target.name}]`, () => {
    let t: TestApp;
    let adminKey: string;
    before(async () => {
      t = await createTestApp(target, { config: { webhooksAllowLoopback: true } });
      adminKey = await createApiKey(t.db, t.workspace.id, 'admin');
    });
    after(() => t.close());

    const api = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown, key = adminKey) =>
      t.app.inject({ method, url, headers: bearer(key), ...(payload === undefined ? {} : { payload: payload as object }) });
    const countEndpoints = async () => (await t.db.selectFrom('webhook_endpoints').select('id').execute()).length;

    test('an admin adds an endpoint, sees the secret once, and lists show only a hint', async () => {
      await createMember(t.db, t.workspace.id, { role: 'admin', email: 'hooks-admin@example.com' });
      const browser = createBrowserSession(t.app);
      await browser.logIn('hooks-admin@example.com', FACTORY_PASSWORD);
      const res = await browser.post('/api/v1/webhooks', { url: ' http://127.0.0.1:9/hooks#frag ', description: ' CRM ', eventTypes: ['post.created', 'vote.created'] });
      assert.equal(res.statusCode, 201, res.body);
      const created = res.json();
      assert.match(created.secret, /^whsec_[A-Za-z0-9+/]{43}=$/);
      assert.equal(created.url, 'http://127.0.0.1:9/hooks', 'trimmed and normalised, fragment dropped');
      assert.equal(created.description, 'CRM');
      assert.deepEqual(created.eventTypes, ['post.created', 'vote.created']);
      assert.equal(created.enabled, true);
      assert.equal(created.secretHint, `${created.secret.slice(0, 10)}…`);

      const list = await browser.get('/api/v1/webhooks');
      assert.equal(list.statusCode, 200);
      assert.ok(!list.body.includes(created.secret), 'never the secret in a list');
      const listed = list.json().items.find((e: { id: string }) => e.id === created.id);
      assert.equal(listed.secret, undefined);
      assert.ok(!(await browser.get(`/api/v1/webhooks/${created.id}`)).body.includes(created.secret));

      const revealed = await browser.get(`/api/v1/webhooks/${created.id}/secret`);
      assert.equal(revealed.statusCode, 200);
      assert.deepEqual(revealed.json(), { secret: created.secret, previousSecret: null, previousSecretExpiresAt: null });
      assert.equal(revealed.headers['cache-control'], 'no-store');
    });

    test('every event type can be chosen; an empty list means all', async () => {
      const all = await api('POST', '/api/v1/webhooks', { url: 'http://127.0.0.1:9/all' });
      assert.equal(all.statusCode, 201);
      assert.deepEqual(all.json().eventTypes, []);
      const each = await api('POST', '/api/v1/webhooks', { url: 'http://127.0.0.1:9/each', eventTypes: [...EVENT_TYPES] });
      assert.equal(each.statusCode, 201, each.body);
      assert.deepEqual(each.json().eventTypes, [...EVENT_TYPES]);
    });

    test('bad URLs and event types get field errors and store nothing', async () => {
      const before = await countEndpoints();
      const cases: Array<[unknown, string, RegExp]> = [
        [{ url: 'not a url' }, 'url', /not a valid URL/],
        [{ url: 'ftp://127.0.0.1/x' }, 'url', /http:\/\/ or https:\/\//],
        [{ url: 'javascript:alert(1)' }, 'url', /http:\/\/ or https:\/\//],
        [{ url: 'http://user:secret@127.0.0.1/' }, 'url', /user name or password/],
        [{ url: 'http://169.254.169.254/latest/meta-data/' }, 'url', /linkLocal/],
        [{ url: 'http://10.0.0.1/' }, 'url', /private/],
        [{ url: 'http://192.168.1.10:8080/' }, 'url', /private/],
        [{ url: 'http://[fd00::1]/' }, 'url', /private/],
        [{ url: 'http://[::ffff:169.254.169.254]/' }, 'url', /linkLocal/],
        [{ url: 'http://0.0.0.0:3000/' }, 'url', /unspecified/],
        [{ url: 'http://100.64.1.1/' }, 'url', /carrierGradeNat/],
        [{}, 'url', /required/],
        [{ url: 'http://127.0.0.1:9/', eventTypes: ['post.exploded'] }, 'eventTypes.0', /./],
        [{ url: 'http://127.0.0.1:9/', description: 'x'.repeat(501) }, 'description', /./],
      ];
      for (const [payload, field, message] of cases) {
        const res = await api('POST', '/api/v1/webhooks', payload);
        assert.equal(res.statusCode, 400, `${JSON.stringify(payload)}: ${res.body}`);
        const error = res.json().errors[0];
        assert.equal(error.field, field, JSON.stringify(payload));
        assert.match(error.message, message, JSON.stringify(payload));
      }
      assert.equal(await countEndpoints(), before);
    });

    test('loopback is refused unless WEBHOOKS_ALLOW_LOOPBACK is set, with a hint', async () => {
      const strict = await createTestApp(target);
      try {
        const key = await createApiKey(strict.db, strict.workspace.id, 'admin');
        for (const url of ['http://localhost:9/', 'http://127.0.0.1:9/', 'http://[::1]:9/', 'http://0x7f.1/']) {
          const res = await strict.app.inject({ method: 'POST', url: '/api/v1/webhooks', headers: bearer(key), payload: { url } });
          assert.equal(res.statusCode, 400, url);
          assert.equal(res.json().errors[0].field, 'url');
          assert.match(res.json().errors[0].message, /loopback.*WEBHOOKS_ALLOW_LOOPBACK=1/, url);
        }
      } finally {
        await strict.close();
      }
    });

    test('update, disable, enable and delete', async () => {
      const id = (await api('POST', '/api/v1/webhooks', { url: 'http://127.0.0.1:9/a' })).json().id;
      const patched = await api('PATCH', `/api/v1/webhooks/${id}`, { url: 'http://127.0.0.1:9/b', description: 'Slack', eventTypes: ['comment.created'] });
      assert.equal(patched.statusCode, 200, patched.body);
      assert.deepEqual([patched.json().url, patched.json().description, patched.json().eventTypes], ['http://127.0.0.1:9/b', 'Slack', ['comment.created']]);
      const refused = await api('PATCH', `/api/v1/webhooks/${id}`, { url: 'http://169.254.169.254/' });
      assert.equal(refused.statusCode, 400);
      assert.equal((await api('GET', `/api/v1/webhooks/${id}`)).json().url, 'http://127.0.0.1:9/b', 'unchanged after a refused update');
      assert.equal((await api('PATCH', `/api/v1/webhooks/${id}`, {})).statusCode, 400);

      const disabled = (await api('POST', `/api/v1/webhooks/${id}/disable`)).json();
      assert.deepEqual([disabled.enabled, disabled.disabledReason], [false, 'manual']);
      assert.equal((await api('POST', `/api/v1/webhooks/${id}/test`)).json().code, 'webhook_disabled');
      const enabled = (await api('POST', `/api/v1/webhooks/${id}/enable`)).json();
      assert.deepEqual([enabled.enabled, enabled.disabledReason, enabled.disabledAt], [true, null, null]);

      assert.equal((await api('DELETE', `/api/v1/webhooks/${id}`)).statusCode, 204);
      assert.equal((await api('GET', `/api/v1/webhooks/${id}`)).statusCode, 404);
      assert.equal((await api('DELETE', `/api/v1/webhooks/${id}`)).statusCode, 404);
    });

    test('rotating the secret keeps the old one for the grace period (default 24 h)', async () => {
      const created = (await api('POST', '/api/v1/webhooks', { url: 'http://127.0.0.1:9/rotate' })).json();
      const rotated = await api('POST', `/api/v1/webhooks/${created.id}/rotate-secret`); // no body: the defaults
      assert.equal(rotated.statusCode, 200, rotated.body);
      const body = rotated.json();
      assert.notEqual(body.secret, created.secret);
      const hours = (Date.parse(body.previousSecretExpiresAt) - Date.now()) / 3600_000;
      assert.ok(hours > 23.9 && hours <= 24, `grace ${hours} h`);
      const revealed = (await api('GET', `/api/v1/webhooks/${created.id}/secret`)).json();
      assert.deepEqual([revealed.secret, revealed.previousSecret], [body.secret, created.secret]);

      const again = (await api('POST', `/api/v1/webhooks/${created.id}/rotate-secret`, { gracePeriodHours: 0 })).json();
      const afterNoGrace = (await api('GET', `/api/v1/webhooks/${created.id}/secret`)).json();
      assert.deepEqual(afterNoGrace, { secret: again.secret, previousSecret: null, previousSecretExpiresAt: null });
      assert.equal((await api('POST', `/api/v1/webhooks/${created.id}/rotate-secret`, { gracePeriodHours: 1000 })).statusCode, 400);
    });

    test('only admins manage webhooks', async () => {
      const id = (await api('POST', '/api/v1/webhooks', { url: 'http://127.0.0.1:9/admins' })).json().id;
      await createMember(t.db, t.workspace.id, { role: 'member', email: 'hooks-member@example.com' });
      const member = createBrowserSession(t.app);
      await member.logIn('hooks-member@example.com', FACTORY_PASSWORD);
      assert.equal((await member.get('/api/v1/webhooks')).statusCode, 403);
      assert.equal((await member.get(`/api/v1/webhooks/${id}/secret`)).statusCode, 403);
      assert.equal((await member.post('/api/v1/webhooks', { url: 'http://127.0.0.1:9/' })).statusCode, 403);
      const writeKey = await createApiKey(t.db, t.workspace.id, 'write');
      for (const [method, url] of [['GET', '/api/v1/webhooks'], ['GET', `/api/v1/webhooks/${id}/secret`], ['POST', `/api/v1/webhooks/${id}/rotate-secret`], ['GET', `/api/v1/webhooks/${id}/deliveries`]] as const) {
        assert.equal((await api(method, url, method === 'POST' ? {} : undefined, writeKey)).statusCode, 403, `${method} ${url}`);
      }
      assert.equal((await t.app.inject({ method: 'GET', url: '/api/v1/webhooks' })).statusCode, 403);
    });

    test('another workspace sees none of it', async () => {
      const created = (await api('POST', '/api/v1/webhooks', { url: 'http://127.0.0.1:9/tenant' })).json();
      const other = await createWorkspace(t.db, { name: 'Other', slug: 'hooks-other' });
      const foreign = await createApiKey(t.db, other.workspace.id, 'admin');
      assert.ok(!(await api('GET', '/api/v1/webhooks', undefined, foreign)).json().items.some((e: { id: string }) => e.id === created.id));
      const attempts: Array<['GET' | 'POST' | 'PATCH' | 'DELETE', string, unknown?]> = [
        ['GET', `/api/v1/webhooks/${created.id}`], ['GET', `/api/v1/webhooks/${created.id}/secret`],
        ['PATCH', `/api/v1/webhooks/${created.id}`, { description: 'mine' }], ['POST', `/api/v1/webhooks/${created.id}/rotate-secret`, {}],
        ['POST', `/api/v1/webhooks/${created.id}/disable`], ['POST', `/api/v1/webhooks/${created.id}/test`],
        ['GET', `/api/v1/webhooks/${created.id}/deliveries`], ['DELETE', `/api/v1/webhooks/${created.id}`],
      ];
      for (const [method, url, payload] of attempts) {
        const res = await api(method, url, payload ?? (method === 'POST' ? {} : undefined), foreign);
        assert.equal(res.statusCode, 404, `${method} ${url}: ${res.body}`);
      }
      const still = (await api('GET', `/api/v1/webhooks/${created.id}`)).json();
      assert.deepEqual([still.description, still.enabled, still.secretHint], ['', true, created.secretHint]);
    });

    test('a workspace has at most 20 endpoints', async () => {
      const other = await createWorkspace(t.db, { name: 'Many', slug: 'hooks-many' });
      const key = await createApiKey(t.db, other.workspace.id, 'admin');
      for (let i = 0; i < 20; i++) assert.equal((await api('POST', '/api/v1/webhooks', { url: `http://127.0.0.1:9/${i}` }, key)).statusCode, 201);
      const res = await api('POST', '/api/v1/webhooks', { url: 'http://127.0.0.1:9/21' }, key);
      assert.equal(res.statusCode, 409);
      assert.equal(res.json().code, 'too_many_webhooks');
    });

    test('delivery logs: unknown cursors and deliveries are refused', async () => {
      const id = (await api('POST', '/api/v1/webhooks', { url: 'http://127.0.0.1:9/log' })).json().id;
      const empty = await api('GET', `/api/v1/webhooks/${id}/deliveries`);
      assert.deepEqual(empty.json(), { items: [], nextCursor: null });
      const bad = await api('GET', `/api/v1/webhooks/${id}/deliveries?cursor=nonsense`);
      assert.equal(bad.statusCode, 400);
      assert.equal(bad.json().errors[0].field, 'cursor');
      assert.equal((await api('POST', '/api/v1/webhook-deliveries/msg_doesnotexist/replay', {})).statusCode, 404);
      assert.equal((await api('POST', '/api/v1/webhook-deliveries/not-a-message/replay', {})).statusCode, 400);
    });
  });
}
