import { cx } from '../../lib/class-names.ts';

type SanitizedHtmlProps = { html: string; className?: string };

// The single place raw HTML enters the page. Pass ONLY `bodyHtml` fields: the server renders the
// markdown and sanitizes it with an allow-list (src/lib markdown), so nothing here may run script.
// Anything else user-written is rendered as React text.
export function SanitizedHtml({ html, className }: SanitizedHtmlProps) {
  return <div className={cx('prose', className)} dangerouslySetInnerHTML={{ __html: html }} />;
}
