import type { Context } from '../context.ts';
import { forbidden } from '../../lib/errors.ts';
import { slugify } from '../../lib/slug.ts';
import type { Board } from '../../db/schema.ts';
import { canManageBoards } from './boards.policy.ts';
import { isSlugTaken } from './boards.repo.ts';
import { boardSlugTaken } from './boards.errors.ts';
import type { CreateBoardInput } from './boards.schemas.ts';

export async function createBoard(ctx: Context, input: CreateBoardInput): Promise<Board> {
  if (!canManageBoards(ctx.actor)) throw forbidden('Only admins can create boards');
  const workspaceId = ctx.actor.workspaceId;
  const slug = input.slug ?? slugify(input.name);
  if (await isSlugTaken(ctx.db, workspaceId, slug)) throw boardSlugTaken(slug);
  return ctx.db
    .insertInto('boards')
    .values({
      workspace_id: workspaceId,
      name: input.name.trim(),
      slug,
      description: input.description?.trim() ?? '',
      visibility: input.visibility ?? 'public',
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}
