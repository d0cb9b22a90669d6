import type { Context } from '../context.ts';
import type { Board } from '../../db/schema.ts';
import { canViewBoard } from './boards.policy.ts';
import { findBoard } from './boards.repo.ts';
import { boardNotFound } from './boards.errors.ts';

/** A board the actor may see; a private board is "not found" to outsiders, never "forbidden". */
export async function getBoard(ctx: Context, idOrSlug: string): Promise<Board> {
  const board = await findBoard(ctx.db, ctx.actor.workspaceId, idOrSlug);
  if (!board || !canViewBoard(ctx.actor, board)) throw boardNotFound();
  return board;
}
