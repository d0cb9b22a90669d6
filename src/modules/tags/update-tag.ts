import type { Context } from '../context.ts';
import type { Tag } from '../../db/schema.ts';
import { forbidden } from '../../lib/errors.ts';
import { canManageTags } from './tags.policy.ts';
import { findTag, isTagNameTaken } from './tags.repo.ts';
import { tagNameTaken, tagNotFound } from './tags.errors.ts';
import type { UpdateTagInput } from './tags.schemas.ts';

export async function updateTag(ctx: Context, tagId: string, input: UpdateTagInput): Promise<Tag> {
  if (!canManageTags(ctx.actor)) throw forbidden('Only admins can change tags');
  const tag = await findTag(ctx.db, ctx.actor.workspaceId, tagId);
  if (!tag) throw tagNotFound();
  const name = input.name?.trim();
  if (name && name.toLowerCase() !== tag.name.toLowerCase() && (await isTagNameTaken(ctx.db, tag.workspace_id, name, tag.id))) {
    throw tagNameTaken(name);
  }
  return ctx.db
    .updateTable('tags')
    .set({ ...(name !== undefined ? { name } : {}), ...(input.color !== undefined ? { color: input.color } : {}) })
    .where('id', '=', tag.id)
    .returningAll()
    .executeTakeFirstOrThrow();
}
