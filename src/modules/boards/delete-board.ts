import type { Context } from '../context.ts';
import { forbidden } from '../../lib/errors.ts';
import { canManageBoards } from './boards.policy.ts';
import { findBoard } from './boards.repo.ts';
import { boardNotFound } from './boards.errors.ts';

/** Deletes a board with its posts, votes and comments (the admin UI asks for confirmation). */
export async function deleteBoard(ctx: Context, boardId: string): Promise<void> {
  if (!canManageBoards(ctx.actor)) throw forbidden('Only admins can delete boards');
  const board = await findBoard(ctx.db, ctx.actor.workspaceId, boardId);
  if (!board) throw boardNotFound();
  await ctx.db.deleteFrom('boards').where('id', '=', board.id).execute();
}
