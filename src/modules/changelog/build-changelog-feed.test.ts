import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { testTargets } from '../../../test/db.ts';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { bearer, createApiKey } from '../../../test/factories/team.ts';
import { createWorkspace } from '../workspaces/index.ts';
import { childNamed, childrenNamed, parseXml, type XmlElement } from '../../../test/xml.ts';

const ATOM = 'http://www.w3.org/2005/Atom';
const PUBLIC_URL = 'https://feedback.example.com';
const HOSTILE = [
  'Ships **today**.',
  '<script>alert("feed")</script>',
  '<img src=x onerror="alert(1)">',
  '[click](javascript:alert(2))',
  '<a href="https://evil.test" onclick="steal()">link</a>',
  'Plain ]]> and & and <b>',
].join('\n\n');

for (const target of testTargets()) {
  describe(`changelog Atom feed [${target.name}]`, () => {
    let t: TestApp;
    let admin: Record<string, string>;
    const ids: Record<string, string> = {};

    before(async () => {
      t = await createTestApp(target, { config: { publicUrl: PUBLIC_URL } });
      admin = bearer(await createApiKey(t.db, t.workspace.id, 'admin'));
      const write = async (key: string, title: string, body: string, publish: boolean) => {
        const res = await t.app.inject({ method: 'POST', url: '/api/v1/changelog', headers: admin, payload: { title, body, type: key === 'older' ? 'fixed' : 'new' } });
        ids[key] = res.json().id;
        if (publish) await t.app.inject({ method: 'POST', url: `/api/v1/changelog/${ids[key]}/publish`, headers: admin, payload: {} });
      };
      await write('older', 'Fixed login loop', 'No more loops.', true);
      await write('hostile', 'Tom & Jerry <script>alert(1)</script> "quoted" \u0007bell', HOSTILE, true);
      await write('draft', 'Secret upcoming thing', 'Not yet.', false);
    });
    after(() => t.close());

    async function fetchFeed(url = '/changelog.atom'): Promise<{ root: XmlElement; body: string; headers: Record<string, unknown> }> {
      const res = await t.app.inject({ method: 'GET', url });
      assert.equal(res.statusCode, 200, res.body);
      return { root: parseXml(res.body), body: res.body, headers: res.headers };
    }
    const entryById = (root: XmlElement, id: string) =>
      childrenNamed(root, 'entry').find((e) => childNamed(e, 'id').text === `urn:uuid:${id}`);

    test('is served as Atom at /changelog.atom (not the web app) and is well-formed', async () => {
      const { root, headers, body } = await fetchFeed();
      assert.match(String(headers['content-type']), /^application\/atom\+xml; charset=utf-8/);
      assert.ok(body.startsWith('<?xml version="1.0" encoding="utf-8"?>'), 'an XML document, not a JSON string');
      assert.equal(root.name, 'feed');
      assert.equal(root.uri, ATOM);
      assert.equal(childNamed(root, 'id').text, `urn:uuid:${t.workspace.id}`);
      assert.ok(!Number.isNaN(Date.parse(childNamed(root, 'updated').text)));
      const links = Object.fromEntries(childrenNamed(root, 'link').map((l) => [l.attributes.rel, l.attributes.href]));
      assert.deepEqual(links, { self: `${PUBLIC_URL}/changelog.atom`, alternate: `${PUBLIC_URL}/changelog` });
      assert.equal(childNamed(childNamed(root, 'author'), 'name').text, t.workspace.name);
      const alias = await fetchFeed('/api/v1/changelog/feed.atom');
      assert.equal(alias.body, body);
    });

    test('lists published entries only, newest first, with stable ids and timestamps', async () => {
      const { root } = await fetchFeed();
      const entryIds = childrenNamed(root, 'entry').map((e) => childNamed(e, 'id').text);
      assert.deepEqual(entryIds, [`urn:uuid:${ids.hostile}`, `urn:uuid:${ids.older}`]);
      const older = entryById(root, ids.older!)!;
      assert.equal(childNamed(older, 'title').text, 'Fixed login loop');
      assert.equal(childNamed(older, 'link').attributes.href, `${PUBLIC_URL}/changelog/${ids.older}`);
      assert.deepEqual(childNamed(older, 'category').attributes, { term: 'fixed', label: 'Fixed' });
      const published = Date.parse(childNamed(older, 'published').text);
      assert.ok(Date.parse(childNamed(older, 'updated').text) >= published);
      assert.equal(Date.parse(childNamed(root, 'updated').text), Math.max(...childrenNamed(root, 'entry').map((e) => Date.parse(childNamed(e, 'updated').text))));
      // the same document next time: readers de-duplicate by id
      assert.deepEqual(childrenNamed((await fetchFeed()).root, 'entry').map((e) => childNamed(e, 'id').text), entryIds);
    });

    test('titles are escaped text and content is the sanitized HTML, escaped', async () => {
      const { root, body } = await fetchFeed();
      const entry = entryById(root, ids.hostile!)!;
      assert.equal(childNamed(entry, 'title').text, 'Tom & Jerry <script>alert(1)</script> "quoted" bell', 'the control character is dropped');
      const content = childNamed(entry, 'content');
      assert.equal(content.attributes.type, 'html');
      const html = content.text;
      assert.match(html, /<strong>today<\/strong>/);
      assert.doesNotMatch(html, /<script|<img|<[^>]*\son\w+=|href="javascript:/i, 'nothing executable survives');
      assert.match(html, /&lt;script&gt;/, 'raw HTML in markdown is shown as text');
      assert.match(html, /\]\]&gt; and &amp; and &lt;b&gt;/);
      assert.doesNotMatch(body, /<script|<img /i, 'the raw document has no live markup either');
      const api = await t.app.inject({ method: 'GET', url: `/api/v1/changelog/${ids.hostile}` });
      assert.equal(api.json().bodyHtml, html, 'the feed carries exactly what the page shows');
    });

    test('drafts and other workspaces never appear; an empty feed is still valid', async () => {
      const other = await createWorkspace(t.db, { name: 'Other Co', slug: 'other-feed' });
      const otherKey = bearer(await createApiKey(t.db, other.workspace.id, 'admin'));
      const theirs = (await t.app.inject({ method: 'POST', url: '/api/v1/changelog', headers: otherKey, payload: { title: 'Their news', type: 'new' } })).json();
      await t.app.inject({ method: 'POST', url: `/api/v1/changelog/${theirs.id}/publish`, headers: otherKey, payload: {} });
      const { body } = await fetchFeed();
      assert.doesNotMatch(body, /Secret upcoming thing/);
      assert.doesNotMatch(body, /Their news/);
      const theirFeed = await t.app.inject({ method: 'GET', url: '/api/v1/changelog/feed.atom', headers: otherKey });
      assert.deepEqual(childrenNamed(parseXml(theirFeed.body), 'entry').map((e) => childNamed(e, 'title').text), ['Their news']);
      await t.app.inject({ method: 'POST', url: `/api/v1/changelog/${ids.older}/unpublish`, headers: admin });
      await t.app.inject({ method: 'POST', url: `/api/v1/changelog/${ids.hostile}/unpublish`, headers: admin });
      const { root } = await fetchFeed();
      assert.equal(childrenNamed(root, 'entry').length, 0);
      assert.ok(childNamed(root, 'updated').text);
    });
  });
}
