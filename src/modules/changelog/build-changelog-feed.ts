import type { Context } from '../context.ts';
import { buildAtomFeed, type AtomEntry } from '../../lib/atom.ts';
import { renderMarkdown } from '../../lib/markdown.ts';
import { getWorkspace } from '../workspaces/index.ts';
import { listEntryRows } from './changelog.repo.ts';
import { entryUrl } from './changelog.present.ts';

const FEED_SIZE = 50;
const TYPE_LABELS = { new: 'New', improved: 'Improved', fixed: 'Fixed' } as const;

/**
 * The Atom feed (RFC 4287) of the workspace's published entries, newest first. Ids are urn:uuid of
 * the workspace and entries, so they survive a change of PUBLIC_URL; content is the same sanitized
 * HTML the page shows, escaped as type="html".
 */
export async function buildChangelogFeed(ctx: Context): Promise<string> {
  const { db, actor, config } = ctx;
  const [workspace, rows] = await Promise.all([
    getWorkspace(ctx),
    listEntryRows(db, { workspaceId: actor.workspaceId, state: 'published', sortBy: 'published', after: null, limit: FEED_SIZE }),
  ]);
  const entries: AtomEntry[] = rows.map((row) => {
    const published = row.published_at ?? row.created_at;
    return {
      id: `urn:uuid:${row.id}`,
      title: row.title,
      published,
      // an edit after publication is an update readers may show; never earlier than the publication
      updated: row.updated_at > published ? row.updated_at : published,
      links: [{ rel: 'alternate', type: 'text/html', href: entryUrl(config.publicUrl, row.id) }],
      authors: row.author_name ? [{ name: row.author_name }] : undefined,
      categories: [{ term: row.type, label: TYPE_LABELS[row.type] }],
      content: { type: 'html', value: renderMarkdown(row.body) },
    };
  });
  const updated = entries.reduce((latest, e) => (e.updated > latest ? e.updated : latest), workspace.created_at);
  return buildAtomFeed({
    id: `urn:uuid:${workspace.id}`,
    title: `${workspace.name} changelog`,
    subtitle: `What's new in ${workspace.name}`,
    updated,
    base: `${config.publicUrl}/`,
    links: [
      { rel: 'self', type: 'application/atom+xml', href: `${config.publicUrl}/changelog.atom` },
      { rel: 'alternate', type: 'text/html', href: `${config.publicUrl}/changelog` },
    ],
    authors: [{ name: workspace.name }],
    generator: { name: 'Backboard' },
    entries,
  });
}
