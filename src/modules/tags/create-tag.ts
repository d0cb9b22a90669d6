import type { Context } from '../context.ts';
import type { Tag } from '../../db/schema.ts';
import { forbidden } from '../../lib/errors.ts';
import { canManageTags } from './tags.policy.ts';
import { isTagNameTaken } from './tags.repo.ts';
import { tagNameTaken } from './tags.errors.ts';
import type { CreateTagInput } from './tags.schemas.ts';

export async function createTag(ctx: Context, input: CreateTagInput): Promise<Tag> {
  if (!canManageTags(ctx.actor)) throw forbidden('Only admins can create tags');
  const workspaceId = ctx.actor.workspaceId;
  const name = input.name.trim();
  if (await isTagNameTaken(ctx.db, workspaceId, name)) throw tagNameTaken(name);
  return ctx.db
    .insertInto('tags')
    .values({ workspace_id: workspaceId, name, ...(input.color ? { color: input.color } : {}) })
    .returningAll()
    .executeTakeFirstOrThrow();
}
