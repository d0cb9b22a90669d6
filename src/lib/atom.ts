// A small Atom 1.0 (RFC 4287) writer. Hand-written rather than the `feed` package: we need only one
// format, and every text node here goes through one escaping function (no CDATA sections, which
// break on "]]>", and no characters XML 1.0 forbids), which is easy to test exhaustively.

export type AtomLink = { href: string; rel?: string; type?: string };
export type AtomPerson = { name: string; uri?: string };
export type AtomCategory = { term: string; label?: string };

export type AtomEntry = {
  /** A permanent IRI, e.g. `urn:uuid:…`: it must never change, or readers show the entry again. */
  id: string;
  title: string;
  updated: Date;
  published?: Date;
  links?: AtomLink[];
  authors?: AtomPerson[];
  categories?: AtomCategory[];
  /** type "html": the value is HTML that is escaped here and unescaped by the reader (RFC 4287 §3.1.1.2). */
  content?: { type: 'text' | 'html'; value: string };
};

export type AtomFeed = {
  id: string;
  title: string;
  subtitle?: string;
  updated: Date;
  links?: AtomLink[];
  authors?: AtomPerson[];
  /** xml:base, so relative links inside entry HTML resolve against the site. */
  base?: string;
  generator?: { name: string; uri?: string };
  entries: AtomEntry[];
};

// Characters XML 1.0 does not allow at all, even escaped (§2.2): C0 controls other than tab/LF/CR,
// lone surrogates and U+FFFE/U+FFFF. Dropping them keeps a stray control character in a title from
// making the whole feed unreadable.
const XML_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Escapes text for an XML text node or a double-quoted attribute value. */
export function escapeXml(text: string): string {
  return text
    .replace(XML_FORBIDDEN, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    // a literal CR would be read back as LF (XML 1.0 §2.11)
    .replace(/\r/g, '&#xD;');
}

function attributes(values: Record<string, string | undefined>): string {
  return Object.entries(values)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([name, value]) => ` ${name}="${escapeXml(value)}"`)
    .join('');
}

function element(name: string, attrs: Record<string, string | undefined>, text?: string): string {
  return text === undefined ? `<${name}${attributes(attrs)}/>` : `<${name}${attributes(attrs)}>${escapeXml(text)}</${name}>`;
}

function person(tag: 'author', p: AtomPerson): string {
  return `<${tag}>${element('name', {}, p.name)}${p.uri ? element('uri', {}, p.uri) : ''}</${tag}>`;
}

function link(l: AtomLink): string {
  return element('link', { rel: l.rel, type: l.type, href: l.href });
}

function entryXml(e: AtomEntry): string {
  const parts = [
    element('id', {}, e.id),
    element('title', { type: 'text' }, e.title),
    element('updated', {}, e.updated.toISOString()),
    e.published ? element('published', {}, e.published.toISOString()) : '',
    ...(e.links ?? []).map(link),
    ...(e.authors ?? []).map((a) => person('author', a)),
    ...(e.categories ?? []).map((c) => element('category', { term: c.term, label: c.label })),
    e.content ? element('content', { type: e.content.type }, e.content.value) : '',
  ];
  return `  <entry>\n    ${parts.filter(Boolean).join('\n    ')}\n  </entry>`;
}

export function buildAtomFeed(feed: AtomFeed): string {
  const head = [
    element('id', {}, feed.id),
    element('title', { type: 'text' }, feed.title),
    feed.subtitle ? element('subtitle', { type: 'text' }, feed.subtitle) : '',
    element('updated', {}, feed.updated.toISOString()),
    ...(feed.links ?? []).map(link),
    ...(feed.authors ?? []).map((a) => person('author', a)),
    feed.generator ? element('generator', { uri: feed.generator.uri }, feed.generator.name) : '',
  ].filter(Boolean);
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom"${attributes({ 'xml:base': feed.base })}>`,
    ...head.map((line) => `  ${line}`),
    ...feed.entries.map(entryXml),
    '</feed>',
    '',
  ].join('\n');
}
