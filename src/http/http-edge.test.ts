// The HTTP edge as an integrator meets it: OpenAPI and docs, security headers, and bad input of every
// shape answered with a 4xx in the one error format.
import { after, before, describe, test } from 'node:test';
import type { InjectOptions } from 'fastify';
import assert from 'node:assert/strict';
import { testTargets } from '../../test/db.ts';
import { createTestApp, type TestApp } from '../../test/app.ts';
import { bearer, createApiKey } from '../../test/factories/team.ts';

const target = testTargets()[0]; // no database behaviour here: one target is enough

describe('HTTP edge', () => {
  let t: TestApp;
  let key: string;
  before(async () => {
    t = await createTestApp(target);
    key = await createApiKey(t.db, t.workspace.id, 'admin');
  });
  after(() => t.close());

  test('OpenAPI 3.1 is generated from the route schemas and rendered at /api/docs', async () => {
    const spec = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    assert.equal(spec.openapi, '3.1.0');
    for (const path of ['/api/v1/boards', '/api/v1/posts', '/api/v1/posts/{id}', '/api/v1/posts/{id}/votes', '/api/v1/posts/{id}/comments', '/api/health']) {
      assert.ok(spec.paths[path], `documents ${path}`);
    }
    assert.ok(spec.paths['/api/v1/posts'].post.requestBody, 'request bodies are documented');
    let page = await t.app.inject({ method: 'GET', url: '/api/docs' });
    for (let hops = 0; page.statusCode === 302 && hops < 3; hops++) {
      page = await t.app.inject({ method: 'GET', url: new URL(String(page.headers.location), 'http://x/api/docs/').pathname });
    }
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /swagger/i);
  });

  test('security headers are set: a locked-down set on JSON API responses, the page set on pages and the API docs', async () => {
    for (const url of ['/api/health', '/api/v1/nothing-here']) {
      const res = await t.app.inject({ method: 'GET', url });
      assert.equal(res.headers['content-security-policy'], "default-src 'none';frame-ancestors 'none'", url);
      assert.equal(res.headers['x-content-type-options'], 'nosniff');
      assert.equal(res.headers['x-frame-options'], 'DENY');
      assert.equal(res.headers['cross-origin-resource-policy'], 'same-origin');
      assert.equal(res.headers['referrer-policy'], 'no-referrer');
    }
    for (const url of ['/', '/boards', '/api/docs/']) {
      const res = await t.app.inject({ method: 'GET', url });
      assert.match(String(res.headers['content-security-policy']), /script-src 'self'/, url);
      assert.match(String(res.headers['content-security-policy']), /frame-ancestors 'self'/, url);
      assert.equal(res.headers['x-content-type-options'], 'nosniff');
      assert.equal(res.headers['x-frame-options'], 'SAMEORIGIN');
    }
  });

  const badRequests: Array<{ name: string; request: InjectOptions; status: number; code: string }> = [
    { name: 'malformed JSON', request: { method: 'POST', url: '/api/v1/boards', headers: { ...bearer(''), 'content-type': 'application/json' }, payload: '{"name": ' }, status: 400, code: 'invalid_json' },
    { name: 'a body over the size limit', request: { method: 'POST', url: '/api/v1/boards', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ name: 'x'.repeat(300_000) }) }, status: 413, code: 'body_too_large' },
    { name: 'a text/plain body (what a cross-site form could send)', request: { method: 'POST', url: '/api/v1/boards', headers: { 'content-type': 'text/plain' }, payload: 'name=x' }, status: 415, code: 'unsupported_media_type' },
    { name: 'a malformed id', request: { method: 'GET', url: '/api/v1/posts/not-a-uuid' }, status: 400, code: 'validation_failed' },
    { name: 'an unknown route', request: { method: 'GET', url: '/api/v1/nothing-here' }, status: 404, code: 'route_not_found' },
    { name: 'a limit out of range', request: { method: 'GET', url: '/api/v1/posts?limit=1000' }, status: 400, code: 'validation_failed' },
  ];
  for (const bad of badRequests) {
    test(`${bad.name} → ${bad.status} ${bad.code}`, async () => {
      const request: InjectOptions = { ...bad.request };
      if ((request.headers as Record<string, string> | undefined)?.authorization === 'Bearer ') request.headers = { ...request.headers, ...bearer(key) };
      const res = await t.app.inject(request);
      assert.equal(res.statusCode, bad.status, res.body);
      const body = res.json();
      assert.equal(body.code, bad.code);
      assert.equal(typeof body.message, 'string');
      if (body.errors) assert.ok(Array.isArray(body.errors));
    });
  }

  test('field errors name the field so a form can show them inline', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/posts', headers: bearer(key), payload: { title: 'ok title', author: { email: 'not-an-email' } } });
    assert.equal(res.statusCode, 400);
    const fields = res.json().errors.map((e: { field: string }) => e.field);
    assert.ok(fields.includes('boardId'), JSON.stringify(fields));
    assert.ok(fields.includes('author.email'), JSON.stringify(fields));
  });
});
