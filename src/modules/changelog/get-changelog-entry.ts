import type { Context } from '../context.ts';
import { isTeam } from '../auth/index.ts';
import { canManageChangelog, canViewEntry } from './changelog.policy.ts';
import { findEntryRow, loadLinkedPosts } from './changelog.repo.ts';
import { entryNotFound } from './changelog.errors.ts';
import { entryUrl, type EntryDetail } from './changelog.present.ts';

/** One entry; drafts and scheduled entries exist only for the team (anyone else gets "not found"). */
export async function getChangelogEntry(ctx: Context, entryId: string): Promise<EntryDetail> {
  const { actor, db } = ctx;
  const row = await findEntryRow(db, actor.workspaceId, entryId);
  if (!row || !canViewEntry(actor, row)) throw entryNotFound();
  const posts = await loadLinkedPosts(db, [row.id], !isTeam(actor));
  const canManage = canManageChangelog(actor);
  return { row, posts: posts.get(row.id) ?? [], url: entryUrl(ctx.config.publicUrl, row.id), can: { edit: canManage, publish: canManage } };
}
