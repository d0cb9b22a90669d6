import type { Board } from '../../db/schema.ts';
import { canAdmin, isTeam, type Actor } from '../auth/index.ts';

/** Private boards exist only for the team; nobody else may learn they exist. */
export function canViewBoard(actor: Actor, board: Pick<Board, 'workspace_id' | 'visibility'>): boolean {
  if (board.workspace_id !== actor.workspaceId) return false;
  return board.visibility === 'public' || isTeam(actor);
}

export function canManageBoards(actor: Actor): boolean {
  return canAdmin(actor);
}
