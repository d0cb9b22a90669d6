import type { Context } from '../context.ts';
import { hashToken } from '../../lib/tokens.ts';
import { findWorkspaceBySetupToken, hasOwner } from './auth.repo.ts';
import { setupTokenInvalid } from './auth.errors.ts';

/**
 * Whether a one-time owner setup link still works. The token alone names its workspace (it is a
 * 256-bit secret printed at first start); once the workspace has an owner the link is dead.
 */
export async function checkSetupToken(ctx: Context, token: string): Promise<{ workspaceId: string }> {
  const workspace = await findWorkspaceBySetupToken(ctx.db, hashToken(token));
  if (!workspace || (await hasOwner(ctx.db, workspace.id))) throw setupTokenInvalid();
  return { workspaceId: workspace.id };
}
