import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { childNamed, childrenNamed, parseXml } from '../../test/xml.ts';
import { buildAtomFeed, escapeXml, type AtomFeed } from './atom.ts';

const ATOM = 'http://www.w3.org/2005/Atom';

function sampleFeed(overrides: Partial<AtomFeed> = {}): AtomFeed {
  return {
    id: 'urn:uuid:2a4b8a32-5a55-4c39-9b0b-8f1f0f6b7e01',
    title: 'Acme changelog',
    updated: new Date('2026-11-20T10:00:00.000Z'),
    base: 'https://feedback.example.com/',
    links: [
      { rel: 'self', type: 'application/atom+xml', href: 'https://feedback.example.com/changelog.atom' },
      { rel: 'alternate', type: 'text/html', href: 'https://feedback.example.com/changelog' },
    ],
    authors: [{ name: 'Acme' }],
    generator: { name: 'Backboard', uri: 'https://example.com/backboard' },
    entries: [{
      id: 'urn:uuid:0f0e1c7e-8d1a-4a57-9c55-1d2f3a4b5c6d',
      title: 'Dark mode & <more>',
      updated: new Date('2026-11-20T09:00:00.000Z'),
      published: new Date('2026-11-19T09:00:00.000Z'),
      links: [{ rel: 'alternate', type: 'text/html', href: 'https://feedback.example.com/changelog/1?a=1&b=2' }],
      authors: [{ name: 'Olivia "O" Owner' }],
      categories: [{ term: 'new', label: 'New' }],
      content: { type: 'html', value: '<p>Tom &amp; Jerry: <a href="https://x.test/?q=1&amp;r=2">link</a> ]]> end</p>' },
    }],
    ...overrides,
  };
}

describe('Atom feed builder', () => {
  test('escapes the five XML specials and drops characters XML 1.0 forbids', () => {
    assert.equal(escapeXml(`<a href="x">Tom & 'Jerry'</a>`), '&lt;a href=&quot;x&quot;&gt;Tom &amp; &apos;Jerry&apos;&lt;/a&gt;');
    assert.equal(escapeXml('bell\u0007 form\u000c ok\ttab\nline'), 'bell form ok\ttab\nline');
    assert.equal(escapeXml('lone \uD800 surrogate, pair 😀 kept'), 'lone  surrogate, pair 😀 kept');
  });

  test('writes a well-formed RFC 4287 document whose html content round-trips', () => {
    const feed = sampleFeed();
    const root = parseXml(buildAtomFeed(feed));
    assert.equal(root.name, 'feed');
    assert.equal(root.uri, ATOM);
    assert.equal(root.attributes['xml:base'], 'https://feedback.example.com/');
    assert.equal(childNamed(root, 'id').text, feed.id);
    assert.equal(childNamed(root, 'updated').text, '2026-11-20T10:00:00.000Z');
    const links = childrenNamed(root, 'link').map((l) => l.attributes);
    assert.deepEqual(links.map((l) => l.rel), ['self', 'alternate']);
    assert.equal(childNamed(childNamed(root, 'author'), 'name').text, 'Acme');

    const [entry] = childrenNamed(root, 'entry');
    assert.ok(entry);
    assert.equal(childNamed(entry, 'title').text, 'Dark mode & <more>');
    assert.equal(childNamed(entry, 'published').text, '2026-11-19T09:00:00.000Z');
    assert.equal(childNamed(entry, 'link').attributes.href, 'https://feedback.example.com/changelog/1?a=1&b=2');
    assert.equal(childNamed(childNamed(entry, 'author'), 'name').text, 'Olivia "O" Owner');
    assert.deepEqual(childNamed(entry, 'category').attributes, { term: 'new', label: 'New' });
    const content = childNamed(entry, 'content');
    assert.equal(content.attributes.type, 'html');
    // the reader gets back exactly the HTML we put in, "]]>" included
    assert.equal(content.text, feed.entries[0]!.content!.value);
  });

  test('an empty feed is still a valid document', () => {
    const root = parseXml(buildAtomFeed(sampleFeed({ entries: [], base: undefined, generator: undefined })));
    assert.equal(childrenNamed(root, 'entry').length, 0);
    assert.equal(root.attributes['xml:base'], undefined);
  });

  test('any title and content stay well-formed and round-trip (minus forbidden characters)', () => {
    const forbidden = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
    fc.assert(fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary', maxLength: 200 }), (title, html) => {
      const base = sampleFeed();
      const xml = buildAtomFeed({ ...base, entries: [{ ...base.entries[0]!, title, content: { type: 'html', value: html } }] });
      const entry = childNamed(parseXml(xml), 'entry');
      const expected = (s: string) => s.replace(forbidden, '');
      assert.equal(childNamed(entry, 'title').text, expected(title));
      assert.equal(childNamed(entry, 'content').text, expected(html));
    }), { numRuns: 100 });
  });
});
