import type { Context } from '../context.ts';
import { forbidden } from '../../lib/errors.ts';
import { canManageTags } from './tags.policy.ts';
import { findTag } from './tags.repo.ts';
import { tagNotFound } from './tags.errors.ts';

/** Deletes the tag and takes it off every post (post_tags cascades). */
export async function deleteTag(ctx: Context, tagId: string): Promise<void> {
  if (!canManageTags(ctx.actor)) throw forbidden('Only admins can delete tags');
  const tag = await findTag(ctx.db, ctx.actor.workspaceId, tagId);
  if (!tag) throw tagNotFound();
  await ctx.db.deleteFrom('tags').where('id', '=', tag.id).execute();
}
