import type { Context } from '../context.ts';
import type { Board } from '../../db/schema.ts';
import { isTeam } from '../auth/index.ts';
import { listBoardRows } from './boards.repo.ts';

export async function listBoards(ctx: Context): Promise<Board[]> {
  return listBoardRows(ctx.db, ctx.actor.workspaceId, isTeam(ctx.actor));
}
