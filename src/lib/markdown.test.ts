import { test } from 'node:test';
import assert from 'node:assert/strict';
import { markdownExcerpt, renderMarkdown } from './markdown.ts';

const HOSTILE = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '[click](javascript:alert(1))',
  '[click](JaVaScRiPt:alert(1))',
  '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '![x](javascript:alert(1))',
  '<a href="javascript:alert(1)">x</a>',
  '<svg onload=alert(1)>',
  '<iframe src="https://evil.example"></iframe>',
  '"><script>alert(1)</script>',
  '<style>body{display:none}</style>',
  '[x](vbscript:msgbox(1))',
];

test('hostile markdown never yields script, handlers or dangerous URLs', () => {
  for (const payload of HOSTILE) {
    const html = renderMarkdown(payload);
    // escaped text such as "&lt;img onerror=…&gt;" is harmless; only real tags and attributes matter
    assert.doesNotMatch(html, /<(script|iframe|svg|style|object|embed)/i, payload);
    assert.doesNotMatch(html, /<[^>]*\son\w+\s*=/i, payload);
    assert.doesNotMatch(html, /<[^>]*(href|src)\s*=\s*"?\s*(javascript|vbscript|data):/i, payload);
  }
});

test('ordinary markdown renders', () => {
  const html = renderMarkdown('**bold** and `code`\n\n- a\n- b\n\n[link](https://example.com)');
  assert.match(html, /<strong>bold<\/strong>/);
  assert.match(html, /<code>code<\/code>/);
  assert.match(html, /<li>a<\/li>/);
  assert.match(html, /<a href="https:\/\/example.com" rel="nofollow noopener noreferrer ugc" target="_blank">link<\/a>/);
});

test('excerpt is plain text and bounded', () => {
  assert.equal(markdownExcerpt('# Title\n\nSome **bold** <b>x</b> text'), 'Title Some bold <b>x</b> text');
  assert.equal(markdownExcerpt('a'.repeat(300), 10).length, 10);
});
