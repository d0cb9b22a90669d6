// Open-redirect guard for "return to" links: only a path on our own site survives.
const BASE = 'http://same-site.invalid';

/**
 * Returns `value` as a same-site relative path ("/boards/x?sort=new#c1"), or "/" for anything that
 * could leave the site: absolute and protocol-relative URLs ("//evil", "/\\evil"), other schemes
 * ("javascript:"), control characters, or relative paths without a leading slash.
 */
export function safeReturnPath(value: string | null | undefined): string {
  if (!value || value.length > 2000) return '/';
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/';
  // browsers drop tabs/newlines inside URLs ("/\t/evil" becomes "//evil"), so refuse them outright
  if (/[\u0000-\u001f\u007f\\]/.test(value)) return '/';
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return '/';
  }
  if (url.origin !== BASE) return '/';
  return `${url.pathname}${url.search}${url.hash}`;
}
