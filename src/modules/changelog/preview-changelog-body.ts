import type { Context } from '../context.ts';
import { forbidden } from '../../lib/errors.ts';
import { renderMarkdown } from '../../lib/markdown.ts';
import { canManageChangelog } from './changelog.policy.ts';

/** The editor's preview: the same server-side render and sanitizer a published entry goes through. */
export function previewChangelogBody(ctx: Pick<Context, 'actor'>, body: string): { bodyHtml: string } {
  if (!canManageChangelog(ctx.actor)) throw forbidden('Only the team can preview changelog entries');
  return { bodyHtml: renderMarkdown(body) };
}
