import type { Context } from '../context.ts';
import { forbidden } from '../../lib/errors.ts';
import type { Board } from '../../db/schema.ts';
import { canManageBoards } from './boards.policy.ts';
import { findBoard, isSlugTaken } from './boards.repo.ts';
import { boardNotFound, boardSlugTaken } from './boards.errors.ts';
import type { UpdateBoardInput } from './boards.schemas.ts';

export async function updateBoard(ctx: Context, boardId: string, input: UpdateBoardInput): Promise<Board> {
  if (!canManageBoards(ctx.actor)) throw forbidden('Only admins can change boards');
  const board = await findBoard(ctx.db, ctx.actor.workspaceId, boardId);
  if (!board) throw boardNotFound();
  if (input.slug && input.slug !== board.slug && (await isSlugTaken(ctx.db, board.workspace_id, input.slug, board.id))) {
    throw boardSlugTaken(input.slug);
  }
  return ctx.db
    .updateTable('boards')
    .set({
      ...(input.name !== undefined ? { name: input.name.trim() } : {}),
      ...(input.slug !== undefined ? { slug: input.slug } : {}),
      ...(input.description !== undefined ? { description: input.description.trim() } : {}),
      ...(input.visibility !== undefined ? { visibility: input.visibility } : {}),
    })
    .where('id', '=', board.id)
    .returningAll()
    .executeTakeFirstOrThrow();
}
